package org.callcentre.crm.campaigns;

/** The advertising campaign behind a dialled PBX number: what a call is attributed to. */
public record CampaignMatch(String rk, long cityId, String city, String source) {
}
