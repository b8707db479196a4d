package org.callcentre.crm.setup;

/** The steps of a first run, in the order an admin takes them, each with the UI screen that does it. */
public enum SetupStep {
    CITIES("/admin/cities"),
    CAMPAIGNS("/admin/campaigns"),
    OPERATORS("/admin/operators"),
    TELEPHONY("/admin/integrations"),
    TEST_CALL("/calls");

    private final String screen;

    SetupStep(String screen) {
        this.screen = screen;
    }

    public String screen() {
        return screen;
    }
}
