package org.callcentre.crm.cluster;

/**
 * What another node announced on the cluster channel (never this node's own announcements), as
 * a local event: {@code topic} says what moved, {@code body} is the small JSON the sender gave
 * ({@link ClusterBus#read}); receivers read whatever else they need from the database.
 * {@link #RESYNC} means messages may have been missed (the listening connection was re-opened):
 * drop what is cached, re-read what is shown.
 */
public record PeerMessage(String topic, String body) {
    public static final String RESYNC = "resync";
}
