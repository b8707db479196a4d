package org.callcentre.crm.setup;

import jakarta.inject.Singleton;
import org.callcentre.crm.demo.DemoSettings;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.telephony.ami.AmiSettings;
import org.callcentre.crm.telephony.mango.MangoSettings;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;

/**
 * Ticks the first-run steps from the data, so the checklist cannot disagree with the screens: a step is
 * done when its rows exist. The telephony step is done when Mango or the AMI is configured (those live in
 * the environment, not in a table) or when any call has arrived, which proves a connection either way.
 */
@Singleton
class SetupService {
    private static final String STORED = "SELECT EXISTS (SELECT 1 FROM cities) AS cities, "
            + "EXISTS (SELECT 1 FROM campaigns) AS campaigns, "
            + "EXISTS (SELECT 1 FROM operators WHERE role = 'operator' AND status = 'active') AS operators, "
            + "EXISTS (SELECT 1 FROM calls) AS calls, "
            + "EXISTS (SELECT 1 FROM demo_rows) AS demo_rows";

    private final Db db;
    private final MangoSettings mango;
    private final AmiSettings ami;
    private final DemoSettings demo;

    SetupService(Db db, MangoSettings mango, AmiSettings ami, DemoSettings demo) {
        this.db = db;
        this.mango = mango;
        this.ami = ami;
        this.demo = demo;
    }

    SetupChecklist checklist() {
        return db.queryOne(STORED, rs -> {
            boolean calls = rs.getBoolean("calls");
            Map<SetupStep, Boolean> done = new EnumMap<>(SetupStep.class);
            done.put(SetupStep.CITIES, rs.getBoolean("cities"));
            done.put(SetupStep.CAMPAIGNS, rs.getBoolean("campaigns"));
            done.put(SetupStep.OPERATORS, rs.getBoolean("operators"));
            done.put(SetupStep.TELEPHONY, calls || mango.configured() || (ami.host() != null && !ami.host().isBlank()));
            done.put(SetupStep.TEST_CALL, calls);
            List<SetupChecklist.Item> steps = Arrays.stream(SetupStep.values())
                    .map(step -> new SetupChecklist.Item(step, done.get(step), step.screen()))
                    .toList();
            return new SetupChecklist(steps, !done.containsValue(false), demo.enabled(), rs.getBoolean("demo_rows"));
        }).orElseThrow();
    }
}
