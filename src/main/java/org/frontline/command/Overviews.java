package org.frontline.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.web.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The live view: every module's part for an area of the viewer's scope, the parts read side by side. An area's
 * overview is read at most once per {@code frontline.command.overview-cache} however many screens show it, since every
 * screen polls it.
 */
@Service("commandOverviews")
public class Overviews {

	private static final Logger log = LoggerFactory.getLogger(Overviews.class);

	static final Role[] READERS = { Role.ADMIN, Role.COMMANDER };

	private final List<OverviewPart> parts;

	private final Areas areas;

	private final Clock clock;

	private final Cache<String, Overview> recent;

	private final Cache<String, Map<String, Long>> pastDays;

	private final ExecutorService readers;

	private final Texts texts;

	Overviews(List<OverviewPart> parts, Areas areas, Clock clock, Texts texts,
			@Value("${frontline.command.overview-cache:PT5S}") Duration fresh,
			@Value("${frontline.command.part-readers:4}") int partReaders) {
		this.parts = parts.stream().sorted(Comparator.comparingInt(OverviewPart::order)).toList();
		this.areas = areas;
		this.clock = clock;
		this.texts = texts;
		this.recent = Caffeine.newBuilder().expireAfterWrite(fresh).maximumSize(1000).build();
		this.pastDays = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000).build();
		AtomicInteger threads = new AtomicInteger();
		this.readers = Executors.newFixedThreadPool(Math.max(1, partReaders), task -> {
			Thread thread = new Thread(task, "command-part-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@PreDestroy
	void stop() {
		readers.shutdownNow();
	}

	/** The live view of an area (the viewer's scope when none is given). */
	public Overview overview(String area) {
		Area root = area(Viewers.requireAny(READERS), area);
		// Rows name things in the reader's language (an item's English name), so each language is cached apart.
		Locale locale = texts.locale();
		return recent.get(root.code() + "/" + locale.toLanguageTag(), key -> read(root, locale));
	}

	/** The area an overview is asked for, checked against the viewer's scope. */
	public Area area(Viewer viewer, String area) {
		String code = area == null || area.isBlank() ? viewer.scopeArea() : area.strip();
		if (!AreaCodes.wellFormed(code)) {
			throw Problem.invalid("area", "command.area.invalid");
		}
		return areas.visible(viewer, code);
	}

	private Overview read(Area root, Locale locale) {
		List<Future<Optional<PartView>>> reads = new ArrayList<>();
		for (OverviewPart part : parts) {
			// Each part reads on its own thread as the viewer (the modules' services check the viewer's scope), in
			// the viewer's language.
			reads.add(readers.submit(new DelegatingSecurityContextCallable<>(() -> {
				LocaleContextHolder.setLocale(locale);
				try {
					return timed(part, root);
				}
				finally {
					LocaleContextHolder.resetLocaleContext();
				}
			})));
		}
		List<PartView> views = new ArrayList<>();
		for (Future<Optional<PartView>> read : reads) {
			partOf(read).ifPresent(views::add);
		}
		return new Overview(root.code(), root.name(), clock.instant(), views);
	}

	private static Optional<PartView> timed(OverviewPart part, Area root) {
		long started = System.nanoTime();
		Optional<PartView> view = part.live(root);
		log.debug("{} of {} read in {} ms", part.getClass().getSimpleName(), root.code(),
				(System.nanoTime() - started) / 1_000_000);
		return view;
	}

	private static Optional<PartView> partOf(Future<Optional<PartView>> read) {
		try {
			return read.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the overview's parts were read", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * The last {@code days} days (today last) of the area: every day section's column summed over the area, keyed
	 * {@code sectionId.columnIndex}.
	 */
	@Transactional(readOnly = true)
	public Map<LocalDate, Map<String, Long>> trend(String area, int days) {
		Area root = area(Viewers.requireAny(READERS), area);
		ZoneId zone = clock.getZone();
		LocalDate today = LocalDate.now(clock);
		Map<LocalDate, Map<String, Long>> trend = new LinkedHashMap<>();
		for (int i = days - 1; i >= 0; i--) {
			LocalDate day = today.minusDays(i);
			Instant from = day.atStartOfDay(zone).toInstant();
			// Today is read to its end, as today's report and the live view read it: nothing is sampled or resulted
			// after now, and a window of whole quarters of an hour is answered by testing's tallies alone, where one
			// ending now would count the quarter under way from the sample and result rows on every read.
			Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
			if (i == 0) {
				trend.put(day, totals(root, from, to));
			}
			else {
				trend.put(day, pastDays.get(root.code() + "/" + day, key -> totals(root, from, to)));
			}
		}
		return trend;
	}

	private Map<String, Long> totals(Area root, Instant from, Instant to) {
		Map<String, Long> totals = new LinkedHashMap<>();
		for (DaySection section : trendDay(root, from, to)) {
			List<Long> values = section.byArea().get(root.code());
			for (int i = 0; values != null && i < values.size(); i++) {
				if (values.get(i) != null) {
					totals.put(section.id() + "." + i, values.get(i));
				}
			}
		}
		return totals;
	}

	/** Every part's sections of the window [from, to) for the rows. */
	public List<DaySection> day(Area root, List<Area> rows, Instant from, Instant to) {
		List<DaySection> sections = new ArrayList<>();
		for (OverviewPart part : parts) {
			sections.addAll(part.day(root, rows, from, to));
		}
		return sections;
	}

	/** Every part's sections of one day of the trend, for the area alone. */
	public List<DaySection> trendDay(Area root, Instant from, Instant to) {
		List<DaySection> sections = new ArrayList<>();
		for (OverviewPart part : parts) {
			sections.addAll(part.trend(root, from, to));
		}
		return sections;
	}

	/** Every part's lists of the report of the window [from, to). */
	public List<DayList> lists(Area root, Instant from, Instant to) {
		List<DayList> lists = new ArrayList<>();
		for (OverviewPart part : parts) {
			lists.addAll(part.lists(root, from, to));
		}
		return lists;
	}

	/** The notices every part published in [from, to). */
	public List<String> notices(Instant from, Instant to) {
		List<String> notices = new ArrayList<>();
		for (OverviewPart part : parts) {
			notices.addAll(part.notices(from, to));
		}
		return notices;
	}

	/** The rows of a report of an area: the areas one level below it (the subdistricts of a district). */
	public List<Area> rows(Area root) {
		List<Area> children = areas.children(root.code());
		return children.isEmpty() ? List.of(root) : children;
	}

	public Optional<Area> find(String code) {
		return areas.find(code);
	}

}
