package org.callcentre.crm.calls.ingest;

/** One call as the PBX knows it: the source and its call key. */
record CallRef(String source, String callKey) implements Comparable<CallRef> {

    static CallRef of(CallEvent event) {
        return new CallRef(event.source(), event.callKey());
    }

    @Override
    public int compareTo(CallRef other) {
        int bySource = source.compareTo(other.source);
        return bySource != 0 ? bySource : callKey.compareTo(other.callKey);
    }
}
