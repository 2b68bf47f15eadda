package com.tickethub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.stack.ProjectRoot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code bench chart}: PNG charts (JFreeChart, headless) of the saved load runs (bench/results/load-*.json, one
 * line per run label): purchases/s and latency (p50, p95) against the number of concurrent buyers.
 */
final class Charts {
  private Charts() {}

  static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Path results = ProjectRoot.find().resolve("bench/results");
    List<JsonNode> runs;
    try (Stream<Path> files = Files.list(results)) {
      runs = files.filter(f -> f.getFileName().toString().matches("load-.*\\.json")).sorted()
          .map(Charts::read).toList();
    }
    XYSeriesCollection throughput = new XYSeriesCollection();
    XYSeriesCollection latency = new XYSeriesCollection();
    for (JsonNode run : runs) {
      String label = run.get("label").asText();
      XYSeries rps = new XYSeries(label);
      XYSeries p50 = new XYSeries(label + " p50");
      XYSeries p95 = new XYSeries(label + " p95");
      for (JsonNode row : run.get("rows")) {
        int buyers = row.get("buyers").asInt();
        rps.add(buyers, row.get("rps").asDouble());
        p50.add(buyers, row.get("p50").asDouble());
        p95.add(buyers, row.get("p95").asDouble());
      }
      throughput.addSeries(rps);
      latency.addSeries(p50);
      latency.addSeries(p95);
    }
    save(ChartFactory.createXYLineChart("Purchases per second (local server, 2 shared cores)", "concurrent buyers",
        "purchase requests / s", throughput, PlotOrientation.VERTICAL, true, false, false),
        results.resolve("throughput.png"));
    save(ChartFactory.createXYLineChart("Purchase latency at the client", "concurrent buyers", "ms", latency,
        PlotOrientation.VERTICAL, true, false, false), results.resolve("latency.png"));
    System.out.println("wrote " + results.resolve("throughput.png") + " and " + results.resolve("latency.png")
        + " from " + runs.size() + " runs");
  }

  private static JsonNode read(Path file) {
    try {
      return Api.JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void save(JFreeChart chart, Path file) throws IOException {
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(renderer);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
  }
}
