package dev.switchboard.core.support;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps a jsonb column (written with {@code ?::jsonb}) to a map. */
@Converter
public class JsonMapConverter implements AttributeConverter<Map<String, Object>, String> {

    @Override
    public String convertToDatabaseColumn(Map<String, Object> attribute) {
        return Json.write(attribute == null ? Map.of() : attribute);
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(String column) {
        return new LinkedHashMap<>(Json.readMap(column));
    }
}
