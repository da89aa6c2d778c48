package dev.outbound.pacing.report;

import static dev.outbound.pacing.report.RunRecorderTest.HOUR;
import static dev.outbound.pacing.report.RunRecorderTest.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three files of the hand-worked run of {@link RunRecorderTest}, compared as text. */
class RunReportFilesTest {
    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void summaryJson_hasTheFiguresUnderTheirKeys() {
        assertThat(RunRecorderTest.twoAgentsThreeMinutes().summaryJson()).isEqualTo("""
                {
                  "occupancy": 0.541667,
                  "abandon_rate": 0.2,
                  "worst_hour_abandon_rate": 0.2,
                  "worst_hour_start": "2024-03-01T09:00:00Z",
                  "dials": 6,
                  "live_answers": 5,
                  "abandoned": 1,
                  "connected": 4,
                  "machine_detected": 1,
                  "agent_hours": 0.1,
                  "dials_per_agent_hour": 60,
                  "connects_per_agent_hour": 40,
                  "mean_wait_seconds": 15,
                  "waits": 2,
                  "talk_seconds": 170,
                  "wrap_up_seconds": 25,
                  "available_seconds": 155,
                  "paused_seconds": 10,
                  "logged_in_seconds": 360,
                  "rule": "rolling 1h",
                  "target": 0.03,
                  "start": "2024-03-01T09:00:00Z",
                  "end": "2024-03-01T09:03:00Z",
                  "zone": "Z",
                  "minutes": 3,
                  "parameters": {
                    "seed": 42,
                    "strategy": "progressive"
                  }
                }
                """);
    }

    @Test
    void summaryJson_withoutCallsOrWaits_hasNulls() {
        RunRecorder r = RunRecorder.start(HOUR, t("09:00:00"));
        r.agentLoggedIn("a", t("09:00:00"));
        String json = r.finish(t("09:01:00")).summaryJson();
        assertThat(json).contains("\"worst_hour_abandon_rate\": null,\n  \"worst_hour_start\": null,\n")
                .contains("\"mean_wait_seconds\": null,\n")
                .contains("\"abandon_rate\": 0,\n")
                .contains("\"dials_per_agent_hour\": 0,\n")
                .contains("\"parameters\": {}\n");
    }

    @Test
    void timeSeriesCsv_isOneRowPerMinute() {
        assertThat(RunRecorderTest.twoAgentsThreeMinutes().timeSeriesCsv()).isEqualTo("""
                minute_start,dials,live_answers,abandoned,machine_detected,connected,agents_logged_in,occupancy,\
                abandon_rate_cumulative,abandon_rate_rolling_hour
                2024-03-01T09:00:00Z,2,1,0,1,1,2,0.333333,0,0
                2024-03-01T09:01:00Z,2,1,0,0,1,2,0.458333,0,0
                2024-03-01T09:02:00Z,2,3,1,0,2,2,0.833333,0.2,0.2
                """);
    }

    @Test
    void chartSvg_isWellFormed_withAPointAMinuteInEachLine_andTheTitle() throws Exception {
        String svg = RunRecorderTest.twoAgentsThreeMinutes().chartSvg();
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getElementsByTagNameNS(SVG, "title").item(0).getTextContent()).isEqualTo("Pacing run");

        List<String> lines = new ArrayList<>();
        NodeList polylines = root.getElementsByTagNameNS(SVG, "polyline");
        for (int i = 0; i < polylines.getLength(); i++) {
            Element p = (Element) polylines.item(i);
            lines.add(p.getAttribute("class"));
            assertThat(p.getAttribute("points").split(" ")).hasSize(3);
        }
        assertThat(lines).containsExactlyInAnyOrder("occupancy", "abandon-cumulative", "abandon-rolling-hour");

        // Plot x from 70 to 930, three minutes: points at the middle of each, 213.33, 500, 786.67.
        // Occupancy panel from y 90 to 280 (190 high): 1/3 is at 280 - 63.33.
        assertThat(points(root, "occupancy")).isEqualTo("213.33,216.67 500.00,192.92 786.67,121.67");
        // Abandon panel from y 320 to 510, scale 20% (the smallest of 1, 2, 5, 10, 20% at or above
        // the highest rate, 20%, and twice the target): 20% at the top.
        assertThat(points(root, "abandon-cumulative")).isEqualTo("213.33,510.00 500.00,510.00 786.67,320.00");

        Element target = byClass(root, "line", "target");
        assertThat(target.getAttribute("stroke-dasharray")).isEqualTo("6 4");
        // 3% of 20%: 510 - 190 * 0.15.
        assertThat(target.getAttribute("y1")).isEqualTo("481.50");
        assertThat(svg).contains(">Target 3%</text>", ">Occupancy</text>", ">09:00</text>", ">09:03</text>")
                .doesNotContain("<script", "@font-face", "href");
    }

    @Test
    void chartSvg_escapesTheTitle_andTicksAtClockHoursForAShift() throws Exception {
        RunRecorder r = RunRecorder.newBuilder().rule(HOUR).start(t("09:30:00"))
                .title("Predictive <3% & \"fast\"").build();
        r.agentLoggedIn("a", t("09:30:00"));
        String svg = r.finish(t("17:30:00")).chartSvg();
        Element root = parse(svg).getDocumentElement();
        assertThat(root.getElementsByTagNameNS(SVG, "title").item(0).getTextContent())
                .isEqualTo("Predictive <3% & \"fast\"");
        assertThat(points(root, "occupancy").split(" ")).hasSize(480);
        // Eight hours: ticks at 10:00 to 17:00, not at the half hours.
        for (int h = 10; h <= 17; h++) {
            assertThat(svg).contains(String.format(">%02d:00</text>", h));
        }
        assertThat(svg).doesNotContain(">09:30</text>", ">17:30</text>");
    }

    @Test
    void writeTo_writesTheThreeFiles(@TempDir Path dir) throws Exception {
        RunReport report = RunRecorderTest.twoAgentsThreeMinutes();
        Path out = dir.resolve("report");
        report.writeTo(out);
        assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(report.summaryJson());
        assertThat(Files.readString(out.resolve("timeseries.csv"))).isEqualTo(report.timeSeriesCsv());
        assertThat(Files.readString(out.resolve("chart.svg"))).isEqualTo(report.chartSvg());
    }

    @Test
    void sameEvents_giveTheSameFiles() {
        RunReport a = RunRecorderTest.twoAgentsThreeMinutes();
        RunReport b = RunRecorderTest.twoAgentsThreeMinutes();
        assertThat(a.summaryJson()).isEqualTo(b.summaryJson());
        assertThat(a.timeSeriesCsv()).isEqualTo(b.timeSeriesCsv());
        assertThat(a.chartSvg()).isEqualTo(b.chartSvg());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String points(Element root, String cls) {
        return byClass(root, "polyline", cls).getAttribute("points");
    }

    private static Element byClass(Element root, String tag, String cls) {
        NodeList nodes = root.getElementsByTagNameNS(SVG, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").equals(cls)) {
                return e;
            }
        }
        throw new AssertionError("no " + tag + " of class " + cls);
    }
}
