package dev.switchboard.app.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A line chart of the last hour as inline SVG: drawn by the server, no script, no CDN. Only
 * numbers and fixed labels go into it.
 */
final class SvgChart {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 160;
    private static final int PAD = 28;
    private static final Duration SPAN = Duration.ofHours(1);

    record Series(String label, String color, TreeMap<Instant, Double> points) {
    }

    private SvgChart() {
    }

    static String render(String title, String unit, List<Series> series) {
        Instant end = Instant.now();
        Instant start = end.minus(SPAN);
        double max = series.stream().flatMap(s -> s.points().values().stream()).mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v)).max().orElse(0);
        double top = max <= 0 ? 1 : max * 1.1;
        StringBuilder svg = new StringBuilder()
                .append("<svg role=\"img\" aria-label=\"").append(title).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" class=\"chart\">")
                .append("<line x1=\"").append(PAD).append("\" y1=\"").append(HEIGHT - PAD).append("\" x2=\"").append(WIDTH)
                .append("\" y2=\"").append(HEIGHT - PAD).append("\" stroke=\"#999\"/>")
                .append(text(2, 12, fmt(top) + " " + unit)).append(text(2, HEIGHT - PAD, "0"))
                .append(text(PAD, HEIGHT - 8, "−60 min")).append(text(WIDTH - 40, HEIGHT - 8, "now"));
        int legendX = PAD + 60;
        for (Series s : series) {
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(s.color()).append("\" points=\"");
            for (Map.Entry<Instant, Double> point : s.points().entrySet()) {
                if (point.getKey().isBefore(start) || Double.isNaN(point.getValue())) {
                    continue;
                }
                double x = PAD + (WIDTH - PAD) * Duration.between(start, point.getKey()).toMillis() / (double) SPAN.toMillis();
                double y = (HEIGHT - PAD) - (HEIGHT - PAD - 16) * (point.getValue() / top);
                svg.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            }
            svg.append("\"/>").append("<rect x=\"").append(legendX).append("\" y=\"4\" width=\"10\" height=\"10\" fill=\"")
                    .append(s.color()).append("\"/>").append(text(legendX + 14, 13, s.label()));
            legendX += 14 + 8 * s.label().length() + 16;
        }
        return svg.append("</svg>").toString();
    }

    private static String text(int x, int y, String value) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"11\" fill=\"#444\">" + value + "</text>";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
