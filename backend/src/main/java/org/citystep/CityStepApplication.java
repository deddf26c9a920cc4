package org.citystep;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CityStepApplication {

    public static void main(String[] args) {
        SpringApplication.run(CityStepApplication.class, args);
    }
}
