package org.callcentre.crm.cluster;

/** This node became the one that holds the telephony connection, or stopped being it. */
public record LeadershipChanged(boolean leader) {
}
