package org.callcentre.crm.asr;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code crm.asr.*}: which recognizer transcribes calls and where its model is. */
@ConfigurationProperties("crm.asr")
public record AsrSettings(@Bindable(defaultValue = "vosk") String engine,
                          @Bindable(defaultValue = "asr-models/vosk-model-small-ru-0.22") String modelDir,
                          @Bindable(defaultValue = "ru") String language,
                          @Bindable(defaultValue = "left") String operatorChannel,
                          @Bindable(defaultValue = "pocketsphinx_continuous") String pocketsphinxCommand,
                          @Bindable(defaultValue = "/usr/share/pocketsphinx/model/en-us") String pocketsphinxModelDir) {

    /** The stereo channel index of the operator's voice. */
    public int operatorChannelIndex() {
        return "right".equalsIgnoreCase(operatorChannel) ? 1 : 0;
    }
}
