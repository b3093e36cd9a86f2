package dev.switchboard.app.api.problem;

import dev.switchboard.app.api.MissingTenantException;
import dev.switchboard.app.api.ProviderFailureException;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.channel.InvalidInputException.FieldError;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.integration.ConnectFailedException;
import dev.switchboard.core.support.ConflictException;
import dev.switchboard.core.support.NotFoundException;
import dev.switchboard.core.vault.VaultException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every API error as a problem document naming the offending fields by dotted path; never a
 * stack trace. Unexpected failures are logged with their cause and answered with a bare 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return respond(Problems.validation(e.errors()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(Problems.of(404, e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return respond(Problems.of(409, e.getMessage(),
                e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(MissingTenantException.class)
    ResponseEntity<ProblemDetail> missingTenant(MissingTenantException e) {
        return respond(Problems.of(400, e.getMessage(), List.of(new FieldError("X-Tenant", e.getMessage()))));
    }

    @ExceptionHandler(ConnectFailedException.class)
    ResponseEntity<ProblemDetail> connectFailed(ConnectFailedException e) {
        return e.rejected()
                ? respond(Problems.of(422, e.getMessage(), List.of(new FieldError("credentials", e.getMessage()))))
                : respond(Problems.of(502, "the provider could not be reached: " + e.getMessage()));
    }

    @ExceptionHandler(ProviderFailureException.class)
    ResponseEntity<ProblemDetail> providerFailure(ProviderFailureException e) {
        return respond(Problems.of(e.status(), e.getMessage()));
    }

    @ExceptionHandler(WebhookRejectedException.class)
    ResponseEntity<ProblemDetail> webhookRejected(WebhookRejectedException e) {
        return respond(Problems.of(e.reason().status(), e.getMessage()));
    }

    @ExceptionHandler(VaultException.class)
    ResponseEntity<ProblemDetail> vault(VaultException e) {
        log.warn("credential vault: {}", e.getMessage());
        return respond(Problems.of(409, e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(Problems.validation(List.of(new FieldError(e.getName(), "is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName())))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            errors.add(new FieldError(path.substring(path.lastIndexOf('.') + 1), v.getMessage()));
        });
        return respond(Problems.validation(errors));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return respond(Problems.of(500, "an unexpected error occurred"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return asObject(Problems.validation(fieldErrors(e.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return asObject(Problems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return asObject(Problems.validation(JsonErrors.describe(e)));
    }

    private static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(error -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
        result.getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return errors;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> asObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Keeps Jackson's types out of the handler's imports that a reader scans first. */
    static final class JsonErrors {
        private JsonErrors() {
        }

        static List<FieldError> describe(HttpMessageNotReadableException e) {
            Throwable cause = e.getMostSpecificCause();
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                return List.of(new FieldError(path(databind), "has the wrong type or format"));
            }
            if (cause instanceof JacksonException json) {
                return List.of(new FieldError("", "malformed JSON at line " + json.getLocation().getLineNr()
                        + ", column " + json.getLocation().getColumnNr()));
            }
            return List.of(new FieldError("", "the request body is missing or not JSON"));
        }

        private static String path(DatabindException e) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference reference : e.getPath()) {
                if (reference.getPropertyName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.toString();
        }
    }
}
