package bridgemap.report;

import bridgemap.analysis.outcomes.Proportion;
import bridgemap.analysis.outcomes.ProportionDifference;
import bridgemap.model.PerUnit;
import bridgemap.model.Ratio;
import bridgemap.model.Tally;
import bridgemap.model.Vocabulary;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON configuration for API responses and CLI {@code --format json}: ISO dates, vocabulary
 * values as their codes ({@code criminal_justice}, not {@code CRIMINAL_JUSTICE}), and NaN as null.
 */
public final class Json {

    private Json() {}

    /** The same configuration, indented for people: what the command line prints with {@code --format json}. */
    public static ObjectMapper pretty() {
        return mapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public static ObjectMapper mapper() {
        SimpleModule bridgemap = new SimpleModule("bridgemap");
        bridgemap.addSerializer(Vocabulary.class, new JsonSerializer<>() {
            @Override
            public void serialize(Vocabulary value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.code());
            }
        });
        JsonSerializer<Double> finiteOrNull = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                if (value.isNaN() || value.isInfinite()) {
                    gen.writeNull();
                } else {
                    gen.writeNumber(value);
                }
            }
        };
        bridgemap.addSerializer(Double.class, finiteOrNull);
        bridgemap.addSerializer(double.class, finiteOrNull);
        // Counts of people and referrals, and the rates made of them, carry what disclosure control needs
        // (privacy.Disclosure); as exact figures they are plain numbers.
        bridgemap.addSerializer(Tally.class, new JsonSerializer<>() {
            @Override
            public void serialize(Tally value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeNumber(value.value());
            }
        });
        bridgemap.addSerializer(Ratio.class, new JsonSerializer<>() {
            @Override
            public void serialize(Ratio value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                finiteOrNull.serialize(value.value(), gen, provider);
            }
        });
        bridgemap.addSerializer(PerUnit.class, new JsonSerializer<>() {
            @Override
            public void serialize(PerUnit value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                finiteOrNull.serialize(value.value(), gen, provider);
            }
        });
        bridgemap.addSerializer(ProportionDifference.class, new JsonSerializer<>() {
            @Override
            public void serialize(ProportionDifference value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                provider.defaultSerializeValue(value.interval(), gen);
            }
        });
        bridgemap.addSerializer(Proportion.class, new JsonSerializer<>() {
            @Override
            public void serialize(Proportion value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                provider.defaultSerializeValue(value.interval(), gen);
            }
        });
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(bridgemap)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }
}
