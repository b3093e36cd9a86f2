package dev.switchboard.agent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void storesFloat32LittleEndianAndReadsItBack() {
        float[] vector = {1f, -0.5f, 0.25f, Float.MIN_VALUE, 3.4e38f};

        byte[] bytes = Vectors.encode(vector);

        assertThat(bytes).hasSize(20);
        assertThat(bytes[0]).isZero();
        assertThat(bytes[3]).isEqualTo((byte) 0x3f);
        assertThat(Vectors.decode(bytes)).containsExactly(vector);
    }

    @Test
    void refusesBytesThatAreNotFloats() {
        assertThatThrownBy(() -> Vectors.decode(new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dotsARowOfAMatrixForAnyDimension() {
        float[] matrix = {1, 2, 3, 4, 5, 0, 0, 0, 0, 1};
        float[] query = {1, 1, 1, 1, 1};

        assertThat(Vectors.dot(query, matrix, 0)).isEqualTo(15f);
        assertThat(Vectors.dot(query, matrix, 1)).isEqualTo(1f);
    }

    @Test
    void normalizesToUnitLength() {
        float[] v = Vectors.normalize(new float[]{3, 4});

        assertThat(v[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(v[1]).isCloseTo(0.8f, within(1e-6f));
        assertThat(Vectors.normalize(new float[]{0, 0})).containsExactly(0f, 0f);
    }
}
