package org.citystep.shared.openapi;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * Documents the problem+json answers every operation can give, so clients generated from the
 * document know the error shape, and marks operations without a security requirement as public.
 */
@Component
class ProblemResponsesCustomizer implements GlobalOpenApiCustomizer {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
            operation.setSecurity(List.<SecurityRequirement>of());
        }
        boolean writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        add(operation, "400", "Invalid input: the `errors` list names each invalid field");
        if (secured) {
            add(operation, "401", "No valid bearer token");
            add(operation, "403", "Your roles or your city do not allow this");
        }
        if (path.contains("{")) {
            add(operation, "404", "No such resource");
        }
        if (writes) {
            add(operation, "409", "Conflict: the resource exists already, or the version sent is stale");
            add(operation, "413", "Request body too large");
        }
        add(operation, "503", "A backing service is unavailable; retry shortly");
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.setProperties(Map.of(
                "field", new StringSchema().description("The invalid field or parameter, e.g. name.en"),
                "message", new StringSchema().description("What is wrong with it")));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri").example("urn:citystep:problem:validation-failed")
                .description("Stable problem type; branch on this"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("What went wrong, for people"));
        problem.addProperty("instance", new StringSchema().description("The request path"));
        problem.addProperty("errors", new ArraySchema().items(fieldError).description("Field errors of a validation problem"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
