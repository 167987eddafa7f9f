package org.frontline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(FrontlineApplication.class);

	/** Checks the API boundaries, the absence of cycles and every module's declared {@code allowedDependencies}. */
	@Test
	void modulesOnlyUseEachOthersPublicApiTheirAllowedDependenciesAndHaveNoCycles() {
		modules.verify();
	}

	/** A module that depends on another says so in its {@code package-info.java}, so a new dependency is a decision. */
	@Test
	void everyModuleThatDependsOnAnotherDeclaresWhichItMay() throws ClassNotFoundException {
		List<String> undeclared = new ArrayList<>();
		for (var module : modules) {
			boolean dependsOnAny = !module.getDirectDependencies(modules, DependencyType.values()).isEmpty();
			ApplicationModule declaration = Class.forName(module.getBasePackage().getName() + ".package-info")
				.getAnnotation(ApplicationModule.class);
			if (dependsOnAny && (declaration == null || declaration.allowedDependencies().length == 0)) {
				undeclared.add(module.getIdentifier().toString());
			}
		}
		assertThat(undeclared).isEmpty();
	}

	/** The application around the modules (home page, navigation, server tuning) is something no module builds on. */
	@Test
	void noModuleDependsOnTheApplication() {
		var application = modules.getModuleByName("application").orElseThrow();
		List<String> dependents = new ArrayList<>();
		for (var module : modules) {
			if (module.getDirectDependencies(modules, DependencyType.values()).contains(application)) {
				dependents.add(module.getIdentifier().toString());
			}
		}
		assertThat(dependents).isEmpty();
	}
}
