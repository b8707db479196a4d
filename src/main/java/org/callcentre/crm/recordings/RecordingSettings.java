package org.callcentre.crm.recordings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

import java.time.Duration;

/**
 * {@code crm.recordings.*}.
 *
 * @param dir           where recordings are stored; {@code $CRM_DATA_DIR/recordings} when empty
 * @param asteriskDir   where Asterisk's MixMonitor writes its files (a mount of its monitor directory)
 * @param retentionDays recordings older than this are deleted by the daily clean-up; 0 keeps them for ever
 * @param maxSize       a larger recording is not fetched (counted as it arrives, the partial file deleted)
 * @param maxDuration   a longer recording is not transcribed (counted while decoding; the decoding itself goes a block at a time)
 */
@ConfigurationProperties("crm.recordings")
public record RecordingSettings(@Nullable String dir,
                                @Nullable String asteriskDir,
                                @Bindable(defaultValue = "180") int retentionDays,
                                @Bindable(defaultValue = "24h") Duration cleanupInterval,
                                @ReadableBytes @Bindable(defaultValue = "100MB") long maxSize,
                                @Bindable(defaultValue = "1h") Duration maxDuration) {
}
