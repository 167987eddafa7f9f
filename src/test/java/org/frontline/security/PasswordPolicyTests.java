package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.frontline.shared.Problem;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

	private static List<String> faults(String username, String password) {
		return PasswordPolicy.check(username, password, List.of("320602001002", "晨苑社区"))
			.stream()
			.map(e -> e.field() + " " + e.message().key())
			.toList();
	}

	@Test
	void commonPasswordsAndTheirVariantsAreRefused() {
		assertThat(faults("worker.cy", "password12")).containsExactly("password security.password.common");
		assertThat(faults("worker.cy", "1qaz2wsx3edc")).containsExactly("password security.password.common");
		assertThat(faults("worker.cy", "Password2022")).isNotEmpty();
	}

	@Test
	void repeatsSequencesAndKeyboardPatternsAreRefused() {
		assertThat(faults("worker.cy", "aaaaaaaaa1")).isNotEmpty();
		assertThat(faults("worker.cy", "abcdefghij")).isNotEmpty();
		assertThat(faults("worker.cy", "1234567890")).isNotEmpty();
		assertThat(faults("worker.cy", "qwertyuiop")).isNotEmpty();
	}

	@Test
	void theUsersOwnDataIsRefused() {
		assertThat(faults("zhang.wei", "Zhang.Wei-1990!")).containsExactly("password security.password.own-data");
		assertThat(faults("worker.cy", "320602001002ab")).containsExactly("password security.password.own-data");
		assertThat(faults("chenyuan", "chenyuan2022")).containsExactly("password security.password.own-data");
	}

	@Test
	void lengthIsAtLeastTenCharactersAndAtMostSeventyTwoBytes() {
		assertThat(faults("worker.cy", "Xq7#pL2m")).containsExactly("password security.password.too-short");
		assertThat(faults("worker.cy", "宁" + "静致远的夜晚".repeat(4))).containsExactly("password security.password.too-long");
		assertThat(faults("worker.cy", null)).containsExactly("password security.password.too-short");
	}

	@Test
	void hardToGuessPasswordsPass() {
		for (String good : List.of("Cardinal-Fern-48", "Willow7-Harbor", "demo-pass-1-Strong!9", "Quarantine-Staff-2026!",
				"宁静致远的江海之夜晚风", "Chenyuan-Rain-77")) {
			assertThat(faults("worker.cy", good)).as(good).isEmpty();
		}
	}

	@Test
	void faultsNameThePasswordFieldWithAMessageKey() {
		List<Problem.FieldError> errors = PasswordPolicy.check("a.b", "password12", List.of());
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).message().key()).startsWith("security.password.");
	}
}
