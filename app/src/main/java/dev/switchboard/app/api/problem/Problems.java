package dev.switchboard.app.api.problem;

import dev.switchboard.core.channel.InvalidInputException.FieldError;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem documents as the API writes them: type, title, status, detail, errors[]. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(int status, String detail) {
        return of(status, detail, List.of());
    }

    public static ProblemDetail of(int status, String detail, List<FieldError> errors) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create("urn:switchboard:problem:" + title.toLowerCase(Locale.ROOT).replace(' ', '-')));
        problem.setTitle(title);
        problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return problem;
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        String detail = errors.isEmpty() ? "the request is not valid"
                : errors.size() == 1 ? (errors.get(0).field().isEmpty() ? "" : errors.get(0).field() + ": ")
                        + errors.get(0).message()
                : errors.size() + " fields are not valid";
        return of(400, detail, errors);
    }
}
