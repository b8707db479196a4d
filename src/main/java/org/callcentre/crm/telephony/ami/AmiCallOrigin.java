package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.calls.ingest.CallDirection;
import org.callcentre.crm.calls.ingest.CallEvent;

import java.util.Set;

/**
 * What a call's first channel says about the call, read the same way from a {@code Newchannel}
 * event and from a CDR row. A channel in a trunk context, or a non-extension channel calling from
 * an outside number, is an inbound call whose exten is the DID; an operator's phone dialling an
 * outside number is outbound; one extension dialling another is internal.
 */
final class AmiCallOrigin {
    private AmiCallOrigin() {
    }

    /**
     * @param callerNumber {@code CallerIDNum} / CDR {@code src}
     * @param exten        what was dialled: {@code Exten} / CDR {@code dst}
     * @return the builder, told what the channel reveals
     */
    static CallEvent.Builder describe(CallEvent.Builder b, Set<String> trunkContexts, String channel, String context,
                                      String callerNumber, String exten) {
        String extension = AmiChannels.extension(channel);
        if (trunkContexts.contains(context) || (extension == null && AmiChannels.isOutsideNumber(callerNumber))) {
            return b.direction(CallDirection.INBOUND).caller(callerNumber).companyNumber(AmiChannels.isOutsideNumber(exten) ? exten : null);
        }
        if (extension == null) {
            return b;
        }
        b.extension(extension);
        if (AmiChannels.isOutsideNumber(exten)) {
            return b.direction(CallDirection.OUTBOUND).called(exten);
        }
        // An originated (click-to-call) channel starts at "s": what it dials is told later.
        return AmiChannels.isExtension(exten) ? b.direction(CallDirection.INTERNAL) : b;
    }
}
