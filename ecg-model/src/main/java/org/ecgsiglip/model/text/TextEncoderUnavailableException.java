package org.ecgsiglip.model.text;

import org.ecgsiglip.io.ConfigurationException;

/**
 * A text needs a sentence encoder that is not on the class path (its optional module is missing), or
 * the one on the class path is another model than the one a model folder's embeddings were made with.
 */
public class TextEncoderUnavailableException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    public TextEncoderUnavailableException(String problem, String fix) {
        super("text-encoder", problem, fix);
    }
}
