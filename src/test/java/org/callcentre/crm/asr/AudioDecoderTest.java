package org.callcentre.crm.asr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MP3 (JLayer) and WAV decode to the same speech; stereo keeps its channels; resampling keeps the duration. */
class AudioDecoderTest {

    @Test
    void mp3AndWavOfTheSameSpeechDecodeToTheSameLengthAndStereoKeepsItsChannels(@TempDir Path dir) throws Exception {
        Path mono = SpeechFiles.speak("please call me back tomorrow", 16000, 1, dir);
        Path stereo = SpeechFiles.stereo(mono, SpeechFiles.speak("hello", 16000, 1, dir), dir);
        PcmAudio wav = AudioDecoder.decode(stereo, "audio/wav", java.time.Duration.ofHours(1));
        PcmAudio mp3 = AudioDecoder.decode(SpeechFiles.mp3(stereo, dir), "audio/mpeg", java.time.Duration.ofHours(1));

        assertEquals(2, wav.channelCount());
        assertEquals(2, mp3.channelCount());
        assertEquals(16000, mp3.sampleRate());
        // an MP3 encoder pads the start and end by a few frames
        assertEquals(wav.seconds(), mp3.seconds(), 0.15);
        assertTrue(rms(mp3.channels()[0]) > 0.01, "speech is not silence");
        assertTrue(rms(mp3.channels()[0]) > rms(tail(mp3.channels()[1], mp3.sampleRate())), "the right channel's 'hello' is short");

        PcmAudio down = Resampler.resample(wav.channel(0), 8000);
        assertEquals(wav.seconds(), down.seconds(), 0.01);
        assertEquals(8000, down.sampleRate());
    }

    /** A recording longer than the limit is refused while it is decoded, whatever its format, before it is all in memory. */
    @Test
    void aRecordingLongerThanTheLimitIsRefused(@TempDir Path dir) throws Exception {
        Path wav = SpeechFiles.speak("please call me back tomorrow about the washing machine", 16000, 1, dir);
        Path mp3 = SpeechFiles.mp3(wav, dir);
        double seconds = AudioDecoder.decode(wav, "audio/wav", java.time.Duration.ofHours(1)).seconds();
        assertTrue(seconds > 2, "the speech lasts " + seconds + " s");

        for (Path file : java.util.List.of(wav, mp3)) {
            String type = file.toString().endsWith(".mp3") ? "audio/mpeg" : "audio/wav";
            java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> AudioDecoder.decode(file, type, java.time.Duration.ofSeconds(1)));
            assertTrue(refused.getMessage().contains("longer than 1 s"), refused.getMessage());
            assertEquals(seconds, AudioDecoder.decode(file, type, java.time.Duration.ofSeconds(60)).seconds(), 0.15, "under the limit: whole");
        }
    }

    private static float[] tail(float[] samples, int rate) {
        return java.util.Arrays.copyOfRange(samples, Math.min(samples.length, rate), samples.length);
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (float s : samples) {
            sum += s * s;
        }
        return Math.sqrt(sum / Math.max(1, samples.length));
    }
}
