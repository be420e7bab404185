package io.tradingpipeline.job.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import javax.imageio.ImageIO;

/** A PNG of the tick → Cassandra latency percentiles against the rate, drawn with Java2D. */
final class LatencyPlot {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 480;
    private static final int MARGIN = 70;

    private LatencyPlot() {}

    static void write(List<EndToEndBenchmark.Step> steps, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double maxRate = steps.stream().mapToInt(EndToEndBenchmark.Step::rate).max().orElse(1);
        double maxMillis = Math.max(1, steps.stream().mapToLong(EndToEndBenchmark.Step::max).max().orElse(1));
        int plotWidth = WIDTH - 2 * MARGIN;
        int plotHeight = HEIGHT - 2 * MARGIN;

        g.setColor(Color.GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 4; i++) {
            int y = HEIGHT - MARGIN - plotHeight * i / 4;
            g.drawLine(MARGIN, y, WIDTH - MARGIN, y);
            g.drawString(String.format(Locale.ROOT, "%.0f ms", maxMillis * i / 4), 8, y + 4);
        }
        for (EndToEndBenchmark.Step step : steps) {
            int x = MARGIN + (int) (plotWidth * step.rate() / maxRate);
            g.drawString(String.format(Locale.ROOT, "%,d", step.rate()), x - 18, HEIGHT - MARGIN + 18);
        }
        g.setColor(Color.BLACK);
        g.drawString("ticks/s offered", WIDTH / 2 - 40, HEIGHT - 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("tick -> Cassandra latency (WRITETIME - send time)", MARGIN, 30);

        Object[][] series = {
            {"p50", new Color(0x2E7D32), (ToLongFunction<EndToEndBenchmark.Step>) EndToEndBenchmark.Step::p50},
            {"p90", new Color(0x1565C0), (ToLongFunction<EndToEndBenchmark.Step>) EndToEndBenchmark.Step::p90},
            {"p99", new Color(0xEF6C00), (ToLongFunction<EndToEndBenchmark.Step>) EndToEndBenchmark.Step::p99},
            {"max", new Color(0xC62828), (ToLongFunction<EndToEndBenchmark.Step>) EndToEndBenchmark.Step::max}};
        g.setStroke(new BasicStroke(2f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int s = 0; s < series.length; s++) {
            g.setColor((Color) series[s][1]);
            @SuppressWarnings("unchecked")
            ToLongFunction<EndToEndBenchmark.Step> value = (ToLongFunction<EndToEndBenchmark.Step>) series[s][2];
            int previousX = -1;
            int previousY = -1;
            for (EndToEndBenchmark.Step step : steps) {
                int x = MARGIN + (int) (plotWidth * step.rate() / maxRate);
                int y = HEIGHT - MARGIN - (int) (plotHeight * Math.max(0, value.applyAsLong(step)) / maxMillis);
                g.fillOval(x - 3, y - 3, 6, 6);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            g.drawString((String) series[s][0], WIDTH - MARGIN + 10, MARGIN + 16 * s);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
