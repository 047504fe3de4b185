package org.tongxin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.tongxin.platform.backup.MaintenanceCommand;

@SpringBootApplication
@Modulithic(systemName = "Tongxin", sharedModules = "platform")
public class TongxinApplication {

	public static void main(String[] args) {
		if (MaintenanceCommand.handles(args)) {
			// java -jar tongxin.jar backup --to FILE | restore --from FILE [--force]
			System.exit(MaintenanceCommand.run(TongxinApplication.class, args));
		}
		SpringApplication.run(TongxinApplication.class, args);
	}
}
