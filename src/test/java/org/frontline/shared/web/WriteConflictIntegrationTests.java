package org.frontline.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.frontline.shared.DatabaseUnavailable;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request whose transaction PostgreSQL rolls back for a deadlock changed nothing and succeeds when sent again: it is
 * answered 503 with Retry-After (clients resend), not 500.
 */
class WriteConflictIntegrationTests extends IntegrationTest {

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Texts texts;

	@Test
	void aTransactionThatLostADeadlockIsAnswered503WithRetryAfter() throws Exception {
		Exception lost = deadlockLoser();
		assertThat(lost).isInstanceOf(PessimisticLockingFailureException.class);
		assertThat(DatabaseUnavailable.causedBy(lost)).isFalse();

		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/supplies/check-ins");
		request.addHeader("Accept-Language", "zh-CN");
		MockHttpServletResponse response = new MockHttpServletResponse();
		Object answer = new ProblemHandling(texts).writeConflict((PessimisticLockingFailureException) lost, request,
				response);

		assertThat(answer).isInstanceOf(ResponseEntity.class);
		ResponseEntity<?> entity = (ResponseEntity<?>) answer;
		assertThat(entity.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		ProblemDetail body = (ProblemDetail) entity.getBody();
		assertThat(body.getType().toString()).endsWith("/write-conflict");
		assertThat(body.getDetail()).contains("未做任何更改");
	}

	@Test
	void anyOtherDatabaseFailureStaysAnError() {
		Exception other = null;
		try {
			jdbc.sql("select no_such_column from pg_class").query().listOfRows();
		}
		catch (Exception ex) {
			other = ex;
		}
		assertThat(other).isNotNull();
		assertThat(other).isNotInstanceOf(PessimisticLockingFailureException.class);
		Exception failure = other;
		assertThatThrownBy(() -> new ProblemHandling(texts).database(failure,
				new MockHttpServletRequest("GET", "/api/v1/people"), new MockHttpServletResponse()))
			.isSameAs(failure);
	}

	/** Two transactions take two advisory locks in opposite orders; PostgreSQL aborts one of them. */
	private Exception deadlockLoser() throws Exception {
		long first = 7_340_001L;
		long second = 7_340_002L;
		CountDownLatch bothHoldOne = new CountDownLatch(2);
		List<CompletableFuture<Exception>> runs = new ArrayList<>();
		for (long[] order : new long[][] { { first, second }, { second, first } }) {
			runs.add(CompletableFuture.supplyAsync(() -> {
				try {
					new TransactionTemplate(transactions).executeWithoutResult(status -> {
						jdbc.sql("select pg_advisory_xact_lock(?)").param(order[0]).query().singleRow();
						bothHoldOne.countDown();
						try {
							bothHoldOne.await(10, TimeUnit.SECONDS);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
						jdbc.sql("select pg_advisory_xact_lock(?)").param(order[1]).query().singleRow();
					});
					return null;
				}
				catch (Exception ex) {
					return ex;
				}
			}));
		}
		List<Exception> failures = new ArrayList<>();
		for (CompletableFuture<Exception> run : runs) {
			Exception failure = run.get(30, TimeUnit.SECONDS);
			if (failure != null) {
				failures.add(failure);
			}
		}
		assertThat(failures).as("exactly one of the two transactions loses the deadlock").hasSize(1);
		return failures.get(0);
	}
}
