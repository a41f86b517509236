package org.ecgsiglip.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.ecgsiglip.io.EcgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalEncodersTest {

    @ParameterizedTest
    @ValueSource(strings = {"resnet1d", "resnet1d_wang", "xresnet1d18", "xresnet1d50", "inception1d"})
    void everyEncoderMapsTwelveLeadsToAnEmbedding(String name) {
        EncoderSpec spec = EncoderSpec.parse(name, 32);
        Block block = SignalEncoders.build(spec);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            block.initialize(m, DataType.FLOAT32, new Shape(2, 12, 250));
            NDList out = block.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(3, 12, 250))), false);
            assertEquals(new Shape(3, 32), out.singletonOrThrow().getShape());
        }
    }

    @org.junit.jupiter.api.Test
    void resnet1dHasAsManyTrainableParametersAsThePyTorchPeer() {
        // bench/train_peer.py ResNet1d(): sum(p.numel() for p in model.parameters()) = 121,088
        Block block = SignalEncoders.build(EncoderSpec.defaults());
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            block.initialize(m, DataType.FLOAT32, new Shape(1, 12, 1000));
            long trainable = 0;
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    trainable += p.getValue().getArray().size();
                }
            }
            assertEquals(121_088, trainable);
        }
    }

    @Test
    void namesAreCheckedWithAFix() {
        EcgException e = assertThrows(EcgException.class, () -> EncoderSpec.parse("resnet2d", 128));
        assertEquals("encoder", e.location());
        assertThrows(EcgException.class, () -> EncoderSpec.parse("xresnet1d42", 128));
        assertEquals(50, EncoderSpec.parse("xresnet1d", 128).depth());
        assertEquals("xresnet1d101", EncoderSpec.parse("XResNet1d101", 64).label());
    }
}
