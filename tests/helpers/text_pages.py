"""Plain-text pages a crawl meets: text files that are no articles, and a Chinese text dump that is one."""

from __future__ import annotations

ADS_TXT = (
    "# ads.txt file for jiankang.example\n"
    "google.com, pub-1234567890123456, DIRECT, f08c47fec0942fa0\n"
    "appnexus.com, 12447, RESELLER, f5ab79cb980f11d1\n"
    "rubiconproject.com, 19116, RESELLER, 0bfd66d529a55807\n"
)
LICENSE_TXT = (
    "MIT License\n\nCopyright (c) 2021 Jiankang Example\n\n"
    "Permission is hereby granted, free of charge, to any person obtaining a copy\n"
    "of this software and associated documentation files (the \"Software\"), to deal\n"
    "in the Software without restriction, including without limitation the rights\n"
)
# Text pages a crawl meets that are no articles: each became a record before issue 12.
NOT_ARTICLE_TEXTS = {
    "ads.txt": ADS_TXT,
    "LICENSE.txt": LICENSE_TXT,
    "robots.txt": "User-agent: *\nDisallow: /admin/\nDisallow: /search/\nSitemap: http://www.jk.test/sitemap.xml\n",
    "sitemap.txt": "http://www.jk.test/a/1.html\nhttp://www.jk.test/a/2.html\nhttp://www.jk.test/a/3.html\n",
    "english.txt": (
        "How to lower blood pressure\nPublished 2022-04-01\n"
        "Eat less salt and more vegetables. Exercise for thirty minutes a day, and keep a healthy weight.\n"
        "See a doctor when your blood pressure stays above 140/90.\n"
    ),
    "data.json": (
        '{\n  "title": "高血压饮食注意什么",\n'
        '  "body": "高血压患者饮食要清淡，每天食盐不超过五克，少吃腌制食品和动物内脏。多吃新鲜蔬菜水果。",\n'
        '  "tags": ["高血压", "饮食"]\n}\n'
    ),
    "schedule.csv": (
        "日期,科室,医生,号源\n2022-04-01,心内科,张伟,12\n2022-04-01,消化科,李娜,8\n"
        "2022-04-02,儿科,王芳,20\n2022-04-02,皮肤科,刘洋,5\n2022-04-03,眼科,陈静,9\n"
    ),
    "keywords.txt": "高血压\n糖尿病\n冠心病\n脑卒中\n慢阻肺\n骨质疏松\n失眠\n抑郁症\n胃炎\n肝炎\n",
    "style.css": 'body {\n  font-family: "微软雅黑";\n  color: #333;\n}\n.article h1 { font-size: 20px; }\n',
}

# A saved text dump of an article: title line with the site's name, info line, paragraphs.
ARTICLE_DUMP = (
    "春季过敏性鼻炎怎么预防_健康科普网\n"
    "2023-03-15 09:00  来源：健康科普网\n"
    "春天花粉浓度升高，过敏性鼻炎患者常出现鼻痒、连续打喷嚏、流清水样鼻涕等症状。\n"
    "外出时佩戴口罩，回家后及时洗脸、用生理盐水冲洗鼻腔，可以减少花粉在鼻腔内停留。\n"
    "症状明显时可在医生指导下使用鼻用激素或抗组胺药物，不要自行长期使用减充血剂。\n"
)
