"""A small built-in gazetteer: places and bodies of the templates and the demo, in each language.

Each entry is English | Korean | Russian, variants separated by ``/``. Korean matches as a
substring (particles follow the noun), English and Russian at a word start (``Ulsan's``,
``Приморского края`` by their stems). Country names are left out on purpose: ``한국`` stands for
``the Republic of Korea`` as often as ``Korean``.
"""

from __future__ import annotations

_PLACES = """
Seoul | 서울 | Сеул
Moscow | 모스크바 | Москв
Vladivostok | 블라디보스토크/블라디보스톡 | Владивосток
Ulsan | 울산 | Ульсан
Busan/Pusan | 부산 | Пусан
Incheon | 인천 | Инчхон
Pohang | 포항 | Похан
Daegu | 대구 | Тэгу
Gwangju | 광주 | Кванджу
Jeju | 제주 | Чеджу
Gangwon | 강원 | Канвон
Gyeongsangbuk-do/North Gyeongsang | 경상북도/경북 | Кёнсан-Пукто/Северная провинция Кёнсан
Primorsky Krai/Primorye/Primorsky Territory | 연해주/프리모르스키 | Приморск/Приморь
Khabarovsk | 하바롭스크/하바로프스크 | Хабаровск
Sakhalin | 사할린 | Сахалин
Kamchatka | 캄차카/캄차트카 | Камчат
Yakutia/Sakha Republic | 야쿠티아/사하공화국 | Якути/Республика Саха
Magadan | 마가단 | Магадан
Amur | 아무르 | Амур
Chukotka | 추코트카/추코트 | Чукот
Buryatia | 부랴티아 | Бурят
Zabaykalsky/Transbaikal | 자바이칼 | Забайкальск
Irkutsk | 이르쿠츠크 | Иркутск
Novosibirsk | 노보시비르스크 | Новосибирск
Saint Petersburg/St Petersburg/St. Petersburg | 상트페테르부르크 | Санкт-Петербург
Nakhodka | 나홋카/나호트카 | Находк
Zarubino | 자루비노 | Зарубино
Rason | 나선특구/라선 | Расон
Tumen River | 두만강 | Туман
Changwon | 창원 | Чханвон
Sejong | 세종시 | Седжон
Yeosu | 여수 | Ёсу
Mokpo | 목포 | Мокпо
Pyeongtaek | 평택 | Пхёнтхэк
Gunsan | 군산 | Кунсан
Sokcho | 속초 | Сокчхо
Gangneung | 강릉 | Каннын
Gyeonggi | 경기도 | Кёнгидо/Кёнги
Jeollanam-do/South Jeolla | 전라남도/전남 | Чолла-Намдо/Южная Чолла
Gyeongsangnam-do/South Gyeongsang | 경상남도/경남 | Кёнсан-Намдо/Южная Кёнсан
Chungcheong | 충청 | Чхунчхон
Yuzhno-Sakhalinsk | 유즈노사할린스크 | Южно-Сахалинск
Blagoveshchensk | 블라고베셴스크 | Благовещенск
Petropavlovsk-Kamchatsky | 페트로파블롭스크캄차츠키/페트로파블로프스크캄차츠키 | Петропавловск-Камчатск
Ussuriysk | 우수리스크 | Уссурийск
Komsomolsk-on-Amur | 콤소몰스크나아무레/콤소몰스크 | Комсомольск-на-Амуре
Yakutsk | 야쿠츠크 | Якутск
Murmansk | 무르만스크 | Мурманск
Arkhangelsk | 아르한겔스크 | Архангельск
Yekaterinburg | 예카테린부르크 | Екатеринбург
Kazan | 카잔 | Казан
Krasnoyarsk | 크라스노야르스크 | Красноярск
Tomsk | 톰스크 | Томск
Kaliningrad | 칼리닌그라드 | Калининград
Yamal | 야말 | Ямал
Sabetta | 사베타 | Сабетт
Slavyanka | 슬라뱐카 | Славянк
Posyet | 포시에트 | Посьет
Bolshoi Kamen | 볼쇼이카멘/볼쇼이 카멘 | Большой Камень/Большого Камня
Zvezda | 즈베즈다 | Звезд
Korea-Russia Joint Commission on Economic, Scientific and Technological Cooperation | 한·러 경제과학기술공동위원회 | Совместная комиссия по экономическому и научно-техническому сотрудничеству/Межправительственная комиссия по экономическому и научно-техническому сотрудничеству/Совместная комиссия/Межправительственная комиссия
Siberia/Siberian | 시베리아 | Сибир
Arctic | 북극 | Арктик/Арктич/арктическ
Far East/Far Eastern | 극동 | Дальний Восток/Дальнего Восток/Дальнем Восток/Дальнему Восток/Дальневосточн
Northern Sea Route | 북극항로/북방항로 | Северный морской путь/Северного морского пути/Северном морском пути/Северному морскому пути/СМП
Trans-Siberian Railway | 시베리아횡단철도/TSR | Транссиб
Eastern Economic Forum | 동방경제포럼 | Восточный экономический форум/Восточного экономического форума/Восточном экономическом форуме/ВЭФ
Korea-Russia Innovation Centre/Korea-Russia Innovation Center | 한·러 혁신센터 | Российско-корейский инновационный центр/Корейско-российский инновационный центр
Nine Bridges/9-Bridge | 9개 다리/나인브릿지/9-Bridge | Девять мостов
Ministry of Foreign Affairs | 외교부 | МИД/Министерство иностранных дел
Ministry for the Development of the Russian Far East and Arctic | 극동·북극개발부/극동개발부 | Минвостокразвития/Министерство Российской Федерации по развитию Дальнего Востока и Арктики
Ministry of Economy and Finance | 기획재정부 | Министерство экономики и финансов
Ministry of Trade, Industry and Energy | 산업통상자원부 | Министерство торговли, промышленности и энергетики
Ministry of Oceans and Fisheries | 해양수산부 | Министерство морского хозяйства и рыболовства
Ministry of Agriculture, Food and Rural Affairs | 농림축산식품부 | Министерство сельского хозяйства, продовольствия и сельских дел
Ministry of Health and Welfare | 보건복지부 | Министерство здравоохранения и социального обеспечения
Korea Land and Housing Corporation | 한국토지주택공사 | Корейская корпорация земли и жилья
Far East Development Corporation | 극동개발공사 | Корпорация развития Дальнего Востока
KOTRA/Korea Trade-Investment Promotion Agency | 코트라/대한무역투자진흥공사/KOTRA | КОТРА/KOTRA/Корейское агентство по содействию торговле и инвестициям/Корейское агентство по продвижению торговли и инвестиций
COVID-19/COVID | 코로나19/코로나 | COVID-19/COVID/коронавирус/КОВИД
Korean Side | 한국측/한국 측 | Корейская Сторона/Корейской Стороны/Корейской Стороне/Корейскую Сторону/Корейской Стороной
Russian Side | 러시아측/러시아 측 | Российская Сторона/Российской Стороны/Российской Стороне/Российскую Сторону/Российской Стороной
Korean Delegation | 한국 대표단/한국대표단 | Корейская делегация/Корейской делегации/Корейскую делегацию
Russian Delegation | 러시아 대표단/러시아대표단 | Российская делегация/Российской делегации/Российскую делегацию
"""


def _entries() -> list[tuple[str, dict[str, tuple[str, ...]]]]:
    out = []
    for line in _PLACES.strip().splitlines():
        en, ko, ru = (tuple(v.strip() for v in part.split("/")) for part in line.split("|"))
        out.append((en[0], {"en": en, "ko": ko, "ru": ru}))
    return out


GAZETTEER = _entries()
"""(English name, {language code: variants}) for every built-in place and body."""

# the Sides and delegations: a text may name both where a translation names one ("brought
# to the attention of the Russian Side"), so only a Side named instead of the other is reported
SIDE_NAMES = frozenset({"Korean Side", "Russian Side", "Korean Delegation", "Russian Delegation"})

# acronyms that another language writes as a word, and units or codes that are not acronyms
ACRONYM_ALIASES = {
    "COVID": ("코로나", "коронавирус", "COVID", "Covid", "ковид", "КОВИД"),
    "UN": ("유엔", "국제연합", "ООН"),
    "EU": ("유럽연합", "ЕС"),
    "WTO": ("세계무역기구", "ВТО"),
    "APEC": ("에이펙", "АТЭС"),
    "ASEAN": ("아세안", "АСЕАН"),
    "KOTRA": ("코트라", "КОТРА"),
    "LNG": ("액화천연가스", "СПГ"),
    "ICT": ("정보통신", "ИКТ"),
    "IT": ("정보기술", "ИТ"),
    "FTA": ("자유무역협정", "ЗСТ"),
    "MOU": ("양해각서", "меморандум"),
    "MoU": ("양해각서", "меморандум"),
    "SME": ("중소기업", "МСП"),
    "SMEs": ("중소기업", "МСП"),
    "TSR": ("시베리아횡단철도", "Транссиб"),
    "NSR": ("북극항로", "СМП"),
    "EEF": ("동방경제포럼", "ВЭФ"),
    "R&D": ("연구개발", "НИОКР"),
    "GDP": ("국내총생산", "ВВП"),
    "FDI": ("외국인직접투자", "ПИИ"),
    "WHO": ("세계보건기구", "ВОЗ"),
    "OECD": ("경제협력개발기구", "ОЭСР"),
    "CIS": ("독립국가연합", "СНГ"),
    "EAEU": ("유라시아경제연합", "ЕАЭС"),
    "NGO": ("비정부기구", "НКО", "НПО"),
    "ODA": ("공적개발원조",),
    "SOC": ("사회간접자본",),
    "DPRK": ("북한", "조선민주주의인민공화국", "КНДР"),
    "ROK": ("대한민국", "한국", "РК", "Республика Корея"),
    "RF": ("러시아연방", "РФ", "Российская Федерация"),
    "USA": ("미국", "США"),
    "US": ("미국", "США"),
    "CEO": ("최고경영자", "대표", "генеральный директор"),
    "AI": ("인공지능", "ИИ"),
    "IoT": ("사물인터넷", "интернет вещей"),
    "FEFU": ("극동연방대학교", "ДВФУ"),
    "KOICA": ("한국국제협력단", "КОИКА"),
    "KITA": ("한국무역협회",),
    "KDB": ("산업은행", "KDB"),
    "VEB": ("대외경제은행", "ВЭБ"),
    "RDIF": ("러시아직접투자펀드", "РФПИ"),
    "FPV": ("자유항", "Свободный порт"),
}
NOT_ACRONYMS = frozenset(
    "USD KRW RUB EUR JPY TEU AM PM OK II III IV VI VII VIII IX XI XII XIII XIV XV XVI XX "
    "XXI XXX CO2 KM MW GW KW MWH GWH TWH KWH BBL NMI kW kWh MWh GWh TWh".split())

# Fields of cooperation: a concept one language names and another drops is a list item or
# clause gone missing. English and Russian stems match at a word start, Korean anywhere.
# A row named "-" holds words that contain a field's stem but name no field ("технико-
# экономическое обоснование" is a feasibility study, not the economy; 정책 노선 a policy line,
# not a route): found, then ignored.
_CONCEPTS = """
trade/commerc | 교역/무역/통상/상업 | торгов/коммерч/товарооборот/внешнеторг/товарообмен
invest | 투자 | инвест/капиталовлож
energ/electricity | 에너지/전력 | энерг/электроэнерг/гидроэнерг/теплоэнерг
fish/seafood/marine product | 수산/어업/어획 | рыб/морепродукт/вылов/аквакульт
agricultur/farm/grain/crop/agro | 농업/영농/농산/농장/농지/곡물/농작물 | сельск/аграр/фермер/зерн/агропром/агро-промышлен
logistic | 물류 | логист
transport/shipping/freight/cargo/traffic/transit/route | 운송/수송/교통/화물/물동/운항/항로/노선 | транспорт/перевоз/груз/транзит/маршрут/судоходн
port/harbour/harbor | 항만/항구/\x00항 | порт/гаван
rail | 철도 | железн/транссиб
shipbuild | 조선 | судостро
health/medic/hospital/clinic | 보건/의료/의학/건강/병원 | здрав/медицин/здоров/больниц/клиник
educat/universit/academ/student/school | 교육/대학/학술/학생/학교 | образован/университет/вуз/академ/студент/школ
cultur | 문화 | культур
touris/travel | 관광/여행 | туризм/турист/путешеств
scien | 과학 | наук/научн
technolog/technic | 기술 | технолог/техническ
innovat | 혁신 | инновац
start-up/startup | 스타트업/창업 | стартап
environment/ecolog | 환경/생태 | эколог/окружающ/природоохран
forest | 산림 | лес
infrastructur | 인프라/기반시설 | инфраструктур
youth | 청소년/청년 | молод
sport | 체육/스포츠 | спорт
financ | 금융/재정 | финанс
customs | 통관/세관 | таможен
hydrogen | 수소 | водород
digital | 디지털 | цифров
aviation/airline/airport/flight | 항공/공항 | авиа/аэро
econom | 경제 | эконом
report | 보고 | доклад/доложи/отчёт/отчет
visa | 비자/사증 | виз/безвиз
-/en route | 기술경제적/전력을 다/전력으로/전력투구/전력을 기울/정책 노선/정책노선/외교 노선/외교노선 | технико-экономическ/техно-экономическ
"""


def _concepts() -> list[tuple[str, dict[str, tuple[str, ...]]]]:
    out = []
    for line in _CONCEPTS.strip().splitlines():
        en, ko, ru = (tuple(w for v in part.split("/") if (w := v.strip()) and w != "-")
                      for part in line.split("|"))
        ident = NO_FIELD if line.startswith("-") else en[0]
        out.append((ident, {"en": en, "ko": ko, "ru": ru}))
    return out


NO_FIELD = ""
"""The concept of the words that name no field (the rows named "-")."""
CONCEPTS = _concepts()
"""(English stem, {language code: stems}) for the usual fields of cooperation."""
