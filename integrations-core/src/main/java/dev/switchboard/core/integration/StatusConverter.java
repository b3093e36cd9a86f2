package dev.switchboard.core.integration;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

@Converter
class StatusConverter implements AttributeConverter<IntegrationStatus, String> {

    @Override
    public String convertToDatabaseColumn(IntegrationStatus status) {
        return status.wireName();
    }

    @Override
    public IntegrationStatus convertToEntityAttribute(String column) {
        return IntegrationStatus.valueOf(column.toUpperCase(Locale.ROOT));
    }
}
