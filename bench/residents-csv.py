#!/usr/bin/env python3
"""Writes a residents CSV of N generated people (valid GB 11643 check digits) for a compound range.

usage: residents-csv.py N COMPOUND_CODE [COMPOUND_CODE ...] > residents.csv
No real person's data: names, numbers and addresses are generated from a fixed seed.
"""
import datetime
import random
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国玉萍红梅鑫宇浩然子涵欣怡梓轩雨桐思远晨曦"


def main():
    count = int(sys.argv[1])
    compounds = sys.argv[2:]
    rnd = random.Random(20220407)
    seen = set()
    out = sys.stdout
    out.write("name,id_type,id_number,phone,area,building,unit,room,tags\n")
    base = datetime.date(1930, 1, 1)
    written = 0
    while written < count:
        birth = base + datetime.timedelta(days=rnd.randrange(33000))
        first17 = "320611" + birth.strftime("%Y%m%d") + "%03d" % rnd.randrange(1000)
        number = first17 + CHECK[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]
        if number in seen:
            continue
        seen.add(number)
        name = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2))))
        phone = "13%d%08d" % (rnd.randrange(10), rnd.randrange(100_000_000))
        tags = "NO_SMARTPHONE" if rnd.randrange(20) == 0 else ""
        out.write("%s,RESIDENT_ID,%s,%s,%s,%d,%d,%d,%s\n" % (
            name, number, phone, rnd.choice(compounds), rnd.randrange(1, 30), rnd.randrange(1, 5),
            rnd.randrange(1, 19) * 100 + rnd.randrange(1, 5), tags))
        written += 1


if __name__ == "__main__":
    main()
