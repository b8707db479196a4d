package org.callcentre.crm.setup;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The first-run checklist: every step ticked from what is stored; whether the demo mode is on, and whether demo rows
 * exist (also from an earlier demo run), which the admin removes with {@code DELETE /api/demo}.
 */
@Serdeable
public record SetupChecklist(List<Item> steps, boolean complete, boolean demo, boolean demoData) {

    @Serdeable
    public record Item(SetupStep step, boolean done, String screen) {
    }
}
