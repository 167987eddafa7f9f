package org.frontline.demo;

import java.util.ArrayList;
import java.util.List;

import org.frontline.area.NewArea;

/** The areas of the demo district, codes following GB/T 2260 (崇川区 = 320602) and three digits per level below. */
final class DemoAreas {

	static final String CITY = "320600";

	static final String DISTRICT = "320602";

	static final String BILINWAN = "320602001001";

	static final String CHENYUAN = "320602001002";

	static final String ZHONGXINCUN = "320602002001";

	private static final String[][] SUBDISTRICTS = {
			{ "城东街道", "Chengdong", "碧林湾社区", "晨苑社区", "东河社区" },
			{ "钟秀街道", "Zhongxiu", "中心村社区", "钟秀社区", "永兴社区" },
			{ "任港街道", "Rengang", "任港社区", "新胜社区", "北濠社区" },
			{ "和平桥街道", "Hepingqiao", "桃园社区", "和平桥社区" },
			{ "观音山街道", "Guanyinshan", "观音山社区", "新桥社区" } };

	private static final String[] COMPOUND_SUFFIXES = { "花园", "新村", "小区", "家园" };

	private DemoAreas() {
	}

	static List<NewArea> all() {
		List<NewArea> areas = new ArrayList<>();
		areas.add(new NewArea(CITY, "南通市", "Nantong", null));
		areas.add(new NewArea(DISTRICT, "崇川区", "Chongchuan", CITY));
		for (int s = 0; s < SUBDISTRICTS.length; s++) {
			String[] subdistrict = SUBDISTRICTS[s];
			String subCode = DISTRICT + "%03d".formatted(s + 1);
			areas.add(new NewArea(subCode, subdistrict[0], subdistrict[1] + " Subdistrict", DISTRICT));
			for (int c = 2; c < subdistrict.length; c++) {
				String community = subdistrict[c];
				String communityCode = subCode + "%03d".formatted(c - 1);
				areas.add(new NewArea(communityCode, community, null, subCode));
				String base = community.substring(0, community.length() - 2);
				int compounds = 3 + (s + c) % 2;
				for (int k = 0; k < compounds; k++) {
					areas.add(new NewArea(communityCode + "%03d".formatted(k + 1), base + COMPOUND_SUFFIXES[k], null,
							communityCode));
				}
			}
		}
		return areas;
	}

	static List<String> compounds() {
		return all().stream().map(NewArea::code).filter(code -> code.length() == 15).toList();
	}
}
