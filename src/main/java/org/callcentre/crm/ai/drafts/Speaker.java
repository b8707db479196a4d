package org.callcentre.crm.ai.drafts;

/** Who said a word: the turns of a stereo-split transcript are labelled «оператор:» / «клиент:»; a mono one is not. */
enum Speaker {
    OPERATOR, CLIENT, UNKNOWN
}
