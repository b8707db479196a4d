package org.callcentre.crm.operations;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's own logback.xml, read as it is at start-up with CRM_LOG_FORMAT set one way or the other. */
class JsonLogFormatTest {

    private static String logOneLine(String format) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            if (format != null) {
                context.putProperty("CRM_LOG_FORMAT", format);
            }
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(JsonLogFormatTest.class.getResource("/logback.xml"));
            context.getLogger("org.callcentre.crm.Example").info("Звонок {} принят", "+79161234567");
        } finally {
            context.stop();
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonGivesOneParsableObjectALine() throws Exception {
        String line = logOneLine("json");
        assertEquals(1, line.lines().count(), line);
        Map<String, Object> event = JsonMapper.createDefault().readValue(line, Map.class);
        assertEquals("INFO", event.get("level"));
        assertEquals("org.callcentre.crm.Example", event.get("loggerName"));
        assertEquals("Звонок +79161234567 принят", event.get("formattedMessage"));
        assertTrue(event.containsKey("timestamp"), line);
    }

    @Test
    void plainIsTheDefault() throws Exception {
        String line = logOneLine(null);
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO .*org\\.callcentre\\.crm\\.Example - Звонок \\+79161234567 принят"), line);
    }
}
