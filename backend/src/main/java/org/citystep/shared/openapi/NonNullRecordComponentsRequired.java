package org.citystep.shared.openapi;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Marks a response record's components as required unless they are {@code @Nullable}: the code is
 * null-marked, so a component without the annotation is always present. Clients generated from the
 * document then type them as present instead of optional. Request bodies ({@code *Input}) keep
 * their own validation rules and are left as they are.
 */
@Component
class NonNullRecordComponentsRequired implements ModelConverter {

    @Override
    public @Nullable Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (schema == null || !raw.isRecord() || raw.getSimpleName().endsWith("Input")) {
            return schema;
        }
        Schema<?> model = schema.get$ref() == null ? schema
                : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                    || component.isAnnotationPresent(Nullable.class);
            boolean listed = model.getRequired() != null && model.getRequired().contains(component.getName());
            if (!nullable && !listed && model.getProperties().containsKey(component.getName())) {
                model.addRequiredItem(component.getName());
            }
        }
        return schema;
    }
}
