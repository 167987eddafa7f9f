package org.frontline;

import org.frontline.database.BackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FrontlineApplication {

	public static void main(String[] args) throws Exception {
		if (BackupCommand.run(args)) {
			return;
		}
		SpringApplication.run(FrontlineApplication.class, args);
	}
}
