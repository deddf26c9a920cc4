package org.citystep;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Features talk only through each other's public, top-level types: a feature's repository and its
 * web package stay its own. Fails on a dependency cycle or on reaching into another module.
 */
class ModularityTest {

    @Test
    void featuresRespectModuleBoundaries() {
        ApplicationModules.of(CityStepApplication.class).verify();
    }
}
