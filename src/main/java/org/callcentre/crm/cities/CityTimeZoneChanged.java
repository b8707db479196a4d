package org.callcentre.crm.cities;

/**
 * A city's time zone changed. Published inside the transaction that changes it, so that figures
 * kept by local day and hour can move with it (or roll back with it).
 */
public record CityTimeZoneChanged(long cityId, String previousZone, String zone) {
}
