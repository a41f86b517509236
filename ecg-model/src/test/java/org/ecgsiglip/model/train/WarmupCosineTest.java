package org.ecgsiglip.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WarmupCosineTest {
    @Test
    void rampsUpThenFollowsHalfACosine() {
        WarmupCosine lr = new WarmupCosine(1e-3f, 1e-5f, 10, 110);
        assertEquals(1e-4f, lr.getNewValue(1), 1e-9);
        assertEquals(1e-3f, lr.getNewValue(10), 1e-9);
        assertEquals((1e-3 + 1e-5) / 2, lr.getNewValue(60), 1e-8, "half-way through the decay");
        assertEquals(1e-5f, lr.getNewValue(110), 1e-9);
        assertEquals(1e-5f, lr.getNewValue(500), 1e-9, "stays at the final value");
    }
}
