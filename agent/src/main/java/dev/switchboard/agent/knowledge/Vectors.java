package dev.switchboard.agent.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Embedding vectors as stored ({@code bytea}: float32, little-endian) and the arithmetic on them. */
final class Vectors {

    private Vectors() {
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("not a float32 vector: " + bytes.length + " bytes");
        }
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /** The dot product of {@code query} with row {@code row} of a row-major matrix; four sums keep the CPU busy. */
    static float dot(float[] query, float[] matrix, int row) {
        int dims = query.length;
        int offset = row * dims;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < dims; i += 4) {
            s0 += query[i] * matrix[offset + i];
            s1 += query[i + 1] * matrix[offset + i + 1];
            s2 += query[i + 2] * matrix[offset + i + 2];
            s3 += query[i + 3] * matrix[offset + i + 3];
        }
        for (; i < dims; i++) {
            s0 += query[i] * matrix[offset + i];
        }
        return s0 + s1 + s2 + s3;
    }

    /** Scales to unit length in place (a zero vector stays zero). */
    static float[] normalize(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }
}
