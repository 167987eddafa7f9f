package org.frontline.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Every enum constant under {@code org.frontline} has its label ({@code enum.<SimpleName>.<CONSTANT>}) in Chinese and
 * in English, in the bundles the application reads ({@code spring.messages.basename}), so no page ever shows a raw
 * constant; so has every audit action and record type the code writes (the audit page shows them).
 */
class EnumLabelsTests {

	private static final Properties APPLICATION = load("application.properties");

	@Test
	void everyEnumConstantHasAChineseAndAnEnglishLabel() {
		Properties chinese = bundles("");
		Properties english = bundles("_en");
		List<String> missing = new ArrayList<>();
		List<Class<?>> enums = enums();
		for (Class<?> type : enums) {
			for (Object constant : type.getEnumConstants()) {
				String key = Labels.key((Enum<?>) constant);
				String zh = chinese.getProperty(key);
				if (zh == null || zh.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
					missing.add(key + " (Chinese)");
				}
				if (english.getProperty(key) == null || english.getProperty(key).isBlank()) {
					missing.add(key + " (English)");
				}
			}
		}
		assertThat(enums).as("enums found under org.frontline").hasSizeGreaterThan(10);
		assertThat(missing).as("labels missing from the message bundles").isEmpty();
	}

	@Test
	void everyAuditActionAndRecordTypeWrittenInTheCodeHasALabelInBothLanguages() throws IOException {
		// Labels live in any bundle the application reads, as the pages resolve them.
		Properties chinese = bundles("");
		Properties english = bundles("_en");
		java.util.regex.Pattern call = java.util.regex.Pattern.compile("udit\\w*\\.record(As|Refused)?\\(([^;]*)");
		java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"([A-Za-z][A-Za-z_]*)\"");
		List<String> missing = new ArrayList<>();
		int calls = 0;
		try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
			for (java.nio.file.Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				java.util.regex.Matcher calling = call.matcher(java.nio.file.Files.readString(source));
				while (calling.find()) {
					calls++;
					// The action and the record type come first (after the user and scope for recordAs); then detail text.
					java.util.regex.Matcher words = literal
						.matcher(firstArguments(calling.group(2), !"As".equals(calling.group(1)) ? 2 : 4));
					while (words.find()) {
						String word = words.group(1);
						// Upper case: an action (a prefix such as "ANOMALY_" + step is labelled per step); lower: a record type.
						String key = word.equals(word.toUpperCase()) ? "audit.action." + word
								: word.equals(word.toLowerCase()) ? "audit.recordType." + word : null;
						if (key != null && !word.endsWith("_") && !word.equals("system")
								&& (chinese.getProperty(key) == null || english.getProperty(key) == null)) {
							missing.add(key + " (" + source.getFileName() + ")");
						}
					}
				}
			}
		}
		assertThat(calls).as("audit calls found").isGreaterThan(20);
		assertThat(missing).as("audit labels missing from messages(_en).properties").isEmpty();
	}

	@Test
	void aNestedEnumIsNamedWithItsOuterType() {
		assertThat(Labels.key(org.frontline.testing.ScanResult.Status.ACCEPTED)).isEqualTo("enum.ScanResult.Status.ACCEPTED");
		assertThat(Labels.key(org.frontline.shared.Role.ADMIN)).isEqualTo("enum.Role.ADMIN");
	}

	private static List<Class<?>> enums() {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.frontline")
			.stream()
			.filter(JavaClass::isEnum)
			.map(JavaClass::reflect)
			.<Class<?>>map(type -> type)
			.sorted(java.util.Comparator.comparing(Class::getName))
			.toList();
	}

	private static Properties bundles(String language) {
		Properties merged = new Properties();
		for (String basename : APPLICATION.getProperty("spring.messages.basename").split("\\s*,\\s*")) {
			merged.putAll(load(basename + language + ".properties"));
		}
		return merged;
	}

	/** The text of a call's first {@code count} arguments (commas inside parentheses do not count). */
	private static String firstArguments(String arguments, int count) {
		int depth = 0;
		int seen = 0;
		for (int i = 0; i < arguments.length(); i++) {
			char c = arguments.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				if (depth == 0) {
					return arguments.substring(0, i);
				}
				depth--;
			}
			else if (c == ',' && depth == 0 && ++seen == count) {
				return arguments.substring(0, i);
			}
		}
		return arguments;
	}

	private static Properties load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = EnumLabelsTests.class.getClassLoader().getResourceAsStream(resource)) {
			if (in != null) {
				properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}
}
