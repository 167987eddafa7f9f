package org.frontline.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A problem's texts come from the message bundles in the reader's language (see {@code docs/problems.md}): this reads
 * every source under {@code src/main/java} and fails where a problem, a wrong field or a message is raised with words
 * instead of a key, or with a key that the Chinese or the English bundle lacks; where a constraint names a message
 * that is no key; and where a field that a constraint checks has no label to name it by in both languages.
 */
class ProblemTextsTests {

	/** Factories of {@code Problem} and the positions of their arguments that are message keys. */
	private static final Map<String, int[]> FACTORIES = Map.ofEntries(Map.entry("notFound", new int[] { 0 }),
			Map.entry("forbidden", new int[] { 0 }), Map.entry("invalid", new int[] { 1 }),
			Map.entry("conflict", new int[] { 1 }), Map.entry("unprocessable", new int[] { 1 }),
			Map.entry("shed", new int[] { 1 }), Map.entry("busy", new int[] { 1 }),
			Map.entry("tooManyRequests", new int[] { 1 }), Map.entry("unavailable", new int[] { 1, 2 }),
			Map.entry("malformedBody", new int[] { 1 }));

	private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9-]*(\\.[A-Za-z0-9_-]+)+");

	/** A key built from a prefix and a value ({@code "problem.http." + code}). */
	private static final Pattern KEY_PREFIX = Pattern.compile("[a-z][A-Za-z0-9-]*(\\.[A-Za-z0-9_-]+)*[.-]");

	private static final Set<String> CONSTRAINTS = Set.of("NotNull", "NotBlank", "NotEmpty", "Size", "Pattern", "Min",
			"Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero", "Email",
			"Past", "PastOrPresent", "Future", "FutureOrPresent", "Digits", "AssertTrue", "AssertFalse");

	private static final Properties APPLICATION = load("application.properties");

	private static final Properties CHINESE = bundles("");

	private static final Properties ENGLISH = bundles("_en");

	private static final List<CompilationUnit> SOURCES = new ArrayList<>();

	@BeforeAll
	static void parse() throws IOException {
		if (!SOURCES.isEmpty()) {
			return;
		}
		StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
		try (var files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
				CompilationUnit unit = StaticJavaParser.parse(file);
				unit.setStorage(file);
				SOURCES.add(unit);
			}
		}
	}

	@Test
	void everyProblemNamesAKeyThatTheChineseAndTheEnglishBundlesHave() {
		Set<String> wrong = new TreeSet<>();
		int checked = 0;
		for (CompilationUnit unit : SOURCES) {
			for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
				for (Expression key : keyArguments(call)) {
					checked++;
					check(key, wrong);
				}
			}
			for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
				for (Expression key : keyArguments(creation)) {
					checked++;
					check(key, wrong);
				}
			}
		}
		assertThat(checked).as("problem texts found in the sources").isGreaterThan(500);
		assertThat(wrong).as("problem texts that are no key of both bundles (docs/problems.md)").isEmpty();
	}

	@Test
	void everyConstraintMessageIsAKeyThatBothBundlesHave() {
		Set<String> wrong = new TreeSet<>();
		for (CompilationUnit unit : SOURCES) {
			for (AnnotationExpr annotation : unit.findAll(AnnotationExpr.class)) {
				if (!CONSTRAINTS.contains(annotation.getNameAsString())) {
					continue;
				}
				for (MemberValuePair pair : annotation.findAll(MemberValuePair.class)) {
					if (pair.getNameAsString().equals("message")) {
						String text = pair.getValue().isStringLiteralExpr()
								? pair.getValue().asStringLiteralExpr().asString() : pair.getValue().toString();
						String key = text.startsWith("{") && text.endsWith("}") ? text.substring(1, text.length() - 1)
								: null;
						if (key == null || missing(key) != null) {
							wrong.add(where(pair) + " message " + text
									+ (key == null ? " (no {key})" : " (" + missing(key) + ")"));
						}
					}
				}
			}
		}
		assertThat(wrong).as("constraint messages that are no key of both bundles").isEmpty();
	}

	@Test
	void everyFieldAConstraintChecksHasALabelInBothLanguages() {
		Set<String> missing = new TreeSet<>();
		int fields = 0;
		for (CompilationUnit unit : SOURCES) {
			for (RecordDeclaration record : unit.findAll(RecordDeclaration.class)) {
				for (var component : record.getParameters()) {
					if (component.getAnnotations().stream().anyMatch(a -> CONSTRAINTS.contains(a.getNameAsString()))) {
						fields++;
						String key = "field." + record.getNameAsString() + "." + component.getNameAsString();
						String why = missing(key);
						if (why != null) {
							missing.add(key + " (" + why + ")");
						}
					}
				}
			}
		}
		assertThat(fields).as("constrained request fields found").isGreaterThan(20);
		assertThat(missing).as("labels of constrained fields missing from the bundles").isEmpty();
	}

	@Test
	void eachBundleHasTheSameKeysInChineseAndInEnglish() {
		Set<String> unmatched = new TreeSet<>();
		for (String basename : basenames()) {
			Properties chinese = load(basename + ".properties");
			Properties english = load(basename + "_en.properties");
			chinese.stringPropertyNames()
				.stream()
				.filter(k -> !english.containsKey(k))
				.forEach(k -> unmatched.add(basename + ": " + k + " has no English text"));
			english.stringPropertyNames()
				.stream()
				.filter(k -> !chinese.containsKey(k))
				.forEach(k -> unmatched.add(basename + ": " + k + " has no Chinese text"));
		}
		assertThat(unmatched).isEmpty();
	}

	@Test
	void theCheckRefusesWordsAndComposedTextButTakesKeys() {
		Set<String> wrong = new TreeSet<>();
		check(StaticJavaParser.parseExpression("\"Room \" + number + \" is not available.\""), wrong);
		check(StaticJavaParser.parseExpression("\"A category is required.\""), wrong);
		check(StaticJavaParser.parseExpression("\"quarantine.no-such-key\""), wrong);
		assertThat(wrong).hasSize(3);
		wrong.clear();
		check(StaticJavaParser.parseExpression("open ? \"problem.status.409\" : \"problem.status.404\""), wrong);
		check(StaticJavaParser.parseExpression("\"problem.status.\" + status"), wrong);
		assertThat(wrong).isEmpty();
	}

	/** The arguments of a call that are message keys, or none when the call raises no problem text. */
	private static List<Expression> keyArguments(MethodCallExpr call) {
		String name = call.getNameAsString();
		String scope = call.getScope().map(Expression::toString).orElse("");
		List<Expression> arguments = call.getArguments();
		List<Expression> keys = new ArrayList<>();
		if (scope.equals("Problem") && FACTORIES.containsKey(name)) {
			if (name.equals("invalid") && arguments.size() == 1 || name.equals("malformedBody") && arguments.size() < 3) {
				return keys;
			}
			for (int i : FACTORIES.get(name)) {
				keys.add(arguments.get(i));
			}
		}
		else if ((scope.equals("Message") && name.equals("of") || name.equals("titled")) && !arguments.isEmpty()) {
			keys.add(arguments.get(0));
		}
		else if (name.equals("add") && arguments.size() >= 2 && scope.toLowerCase().endsWith("errors")
				&& !arguments.get(0).isIntegerLiteralExpr()) {
			keys.add(arguments.get(1));
		}
		return keys;
	}

	private static List<Expression> keyArguments(ObjectCreationExpr creation) {
		String type = creation.getType().getNameAsString();
		List<Expression> arguments = creation.getArguments();
		List<Expression> keys = new ArrayList<>();
		if (type.equals("FieldError") && arguments.size() >= 2) {
			keys.add(arguments.get(1));
		}
		else if (type.equals("Problem") && arguments.size() >= 3) {
			// new Problem(status, type, title, detail, errors) names a title and a detail; the others one detail.
			boolean titled = arguments.size() == 5 && (arguments.get(4).isNullLiteralExpr()
					|| arguments.get(4).toString().matches("errors|List\\.of\\(.*\\)"));
			if (!titled || !arguments.get(2).isNullLiteralExpr()) {
				keys.add(arguments.get(2));
			}
			if (titled) {
				keys.add(arguments.get(3));
			}
		}
		else if (type.equals("Message") && !arguments.isEmpty()) {
			keys.add(arguments.get(0));
		}
		return keys;
	}

	/** Adds to {@code wrong} where {@code key} is text rather than a key both bundles have. */
	private static void check(Expression key, Set<String> wrong) {
		if (key instanceof EnclosedExpr enclosed) {
			check(enclosed.getInner(), wrong);
		}
		else if (key instanceof ConditionalExpr conditional) {
			check(conditional.getThenExpr(), wrong);
			check(conditional.getElseExpr(), wrong);
		}
		else if (key instanceof StringLiteralExpr || key instanceof TextBlockLiteralExpr) {
			String text = key instanceof StringLiteralExpr literal ? literal.asString()
					: ((TextBlockLiteralExpr) key).asString();
			String why = KEY.matcher(text).matches() ? missing(text) : "words, not a key";
			if (why != null) {
				wrong.add(where(key) + " \"" + text + "\" (" + why + ")");
			}
		}
		else if (key instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
			Expression first = binary;
			while (first instanceof BinaryExpr b) {
				first = b.getLeft();
			}
			boolean prefix = first instanceof StringLiteralExpr literal
					&& KEY_PREFIX.matcher(literal.asString()).matches()
					&& CHINESE.stringPropertyNames().stream().anyMatch(k -> k.startsWith(literal.asString()))
					&& binary.findAll(StringLiteralExpr.class)
						.stream()
						.allMatch(part -> part.asString().matches("[A-Za-z0-9._-]*"));
			if (!prefix) {
				wrong.add(where(key) + " " + key + " (text put together, not a key)");
			}
		}
		else if (key instanceof NameExpr name) {
			// A constant or a local variable with a literal value is checked as that value; a parameter passes a key on.
			initializer(name).ifPresent(value -> check(value, wrong));
		}
	}

	private static Optional<Expression> initializer(NameExpr name) {
		Optional<Node> scope = name.findAncestor(CallableDeclaration.class).map(Node.class::cast);
		List<VariableDeclarator> candidates = new ArrayList<>();
		scope.ifPresent(s -> candidates.addAll(s.findAll(VariableDeclarator.class)));
		name.findCompilationUnit()
			.ifPresent(unit -> unit.findAll(FieldDeclaration.class)
				.forEach(field -> candidates.addAll(field.getVariables())));
		return candidates.stream()
			.filter(v -> v.getNameAsString().equals(name.getNameAsString()))
			.findFirst()
			.flatMap(VariableDeclarator::getInitializer);
	}

	/** Why a key cannot be shown in both languages, or null when it can. */
	private static String missing(String key) {
		String chinese = CHINESE.getProperty(key);
		String english = ENGLISH.getProperty(key);
		if (chinese == null && english == null) {
			return "in neither bundle";
		}
		if (chinese == null || english == null) {
			return chinese == null ? "no Chinese text" : "no English text";
		}
		boolean words = english.codePoints().anyMatch(Character::isLetter);
		if (words && chinese.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
			return "the Chinese text is not Chinese";
		}
		return null;
	}

	private static String where(Node node) {
		String file = node.findCompilationUnit()
			.flatMap(CompilationUnit::getStorage)
			.map(s -> s.getPath().getFileName().toString())
			.orElse("?");
		return file + ":" + node.getBegin().map(p -> p.line).orElse(0);
	}

	private static List<String> basenames() {
		return List.of(APPLICATION.getProperty("spring.messages.basename").split("\\s*,\\s*"));
	}

	private static Properties bundles(String language) {
		Properties merged = new Properties();
		for (String basename : basenames()) {
			merged.putAll(load(basename + language + ".properties"));
		}
		return merged;
	}

	private static Properties load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = ProblemTextsTests.class.getClassLoader().getResourceAsStream(resource)) {
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
