using System.Globalization;

namespace Pipeline.Bench.Corpus;

/// <summary>Template material for one language (written for the benchmarks).</summary>
internal sealed class Lang
{
    public required string Code { get; init; }
    public required CultureInfo Culture { get; init; }
    public string DateFormat { get; init; } = "d MMMM yyyy";
    public required string[] Actors { get; init; }
    public required string[] Belarus { get; init; }
    public required string[] BelarusGen { get; init; }
    public required string[] BelarusAdj { get; init; }
    public required string[] BelarusRuler { get; init; }
    public required string[] BelarusPlaces { get; init; }
    public required string[] OtherCountries { get; init; }
    public required string[] OtherGen { get; init; }
    public required string[] OtherAdj { get; init; }
    public required string[] OtherRuler { get; init; }
    public required string[] OtherPlaces { get; init; }
    public required string[] FirstNames { get; init; }
    public required string[] LastNames { get; init; }
    public required string[] Roles { get; init; }
    public required string[] Sectors { get; init; }
    public required string[] Groups { get; init; }
    public required string[] Institutions { get; init; }
    public required string[] Orgs { get; init; }
    public required string[] Topics { get; init; }
    public required string[] Adjectives { get; init; }
    public required string[] Cities { get; init; }
    public required string[] CompanyStems { get; init; }
    public required string[] CompanySuffixes { get; init; }
    public required Dictionary<string, string[]> Headlines { get; init; }
    public required Dictionary<string, string[]> Leads { get; init; }
    public required Dictionary<string, string[]> Body { get; init; }
    public required string[] Common { get; init; }
    public required string[] Closings { get; init; }
    public required string[] DetailSubjects { get; init; }
    public required string[] DetailVerbs { get; init; }
    public required string[] DetailObjects { get; init; }
    public required string[] DetailCircumstances { get; init; }

    public static Lang For(string code) => code switch
    {
        "ru" => Ru,
        "de" => De,
        "fr" => Fr,
        _ => En,
    };

    private static readonly string[] LatinFirst =
    [
        "Anna", "Maria", "Olga", "Ihar", "Siarhei", "Aliaksandr", "Maryna", "Viktar", "Pavel", "Natallia", "Ales", "Tatsiana", "Yury", "Iryna",
        "Dzmitry", "Katsiaryna", "Andrei", "Volha", "Mikalai", "Hanna", "Jonas", "Agnė", "Piotr", "Ewa", "Kaja", "Mart", "Ilze", "Jānis",
        "Helena", "Thomas", "Claire", "Pierre", "Sophie", "Markus", "Julia", "David", "Sarah", "James", "Laura", "Martin", "Elena", "Robert",
    ];

    private static readonly string[] LatinLast =
    [
        "Kavaliou", "Shapavalava", "Lahvinovich", "Bandarenka", "Kuzmich", "Maroz", "Dubovik", "Sidarenka", "Krauchuk", "Zhuk", "Lisouskaya",
        "Navumau", "Paulavets", "Rahachou", "Shyla", "Vasilevich", "Zaitsava", "Hrynkevich", "Petrauskas", "Kowalska", "Tamm", "Ozoliņš",
        "Kask", "Nowak", "Müller", "Dubois", "Martin", "Schneider", "Lefebvre", "Andersson", "Rossi", "Fischer", "Moreau", "Kowalczyk",
        "Jankauskas", "Bērziņš", "Saar", "Wright", "Evans", "Hughes", "Murphy", "Baker", "Carter", "Foster", "Grant", "Hayes", "Lambert",
    ];

    private static readonly string[] CompanyStemsLatin =
    [
        "Grodtrans", "Belnord", "Polesie", "Nemanprom", "Svisloch", "Dvinaoil", "Pripyat", "Berezina", "Narochtex", "Sozhmash", "Vilia",
        "Avtotech", "Tractorex", "Khimvolokno", "Stankoprom", "Agrokombinat", "Energoinvest", "Transbalt", "Neftmash", "Metallex",
    ];

    private static readonly string[] CompanySuffixesLatin = [" JSC", " OJSC", " LLC", " Holding", " Trading", " Group", " Plant", " Logistics", " Invest"];

    public static readonly Lang En = new()
    {
        Code = "en",
        Culture = CultureInfo.GetCultureInfo("en-GB"),
        Actors =
        [
            "the Council of the European Union", "the European Union", "the High Representative", "the European Parliament", "the European Commission",
            "the United States", "the US Department of State", "the United Kingdom", "the Foreign, Commonwealth and Development Office", "Canada",
            "Global Affairs Canada", "Lithuania", "the Lithuanian Ministry of Foreign Affairs", "Poland", "the Polish foreign ministry", "Latvia",
            "Estonia", "Germany", "the Federal Foreign Office", "France", "the OSCE", "the OSCE Office for Democratic Institutions and Human Rights",
            "the Council of Europe", "the Parliamentary Assembly of the Council of Europe", "the UN Human Rights Council", "the UN High Commissioner for Human Rights",
            "the UN Special Rapporteur", "Human Rights Watch", "Amnesty International", "Reporters Without Borders", "the Committee to Protect Journalists",
            "Freedom House", "the International Federation for Human Rights", "CIVICUS", "the World Organisation Against Torture", "Sweden", "Finland",
            "the Netherlands", "Norway", "Switzerland", "Japan", "Ukraine", "the ICAO Council", "the G7 foreign ministers",
        ],
        Belarus = ["Belarus", "Belarus", "Belarus", "the Republic of Belarus"],
        BelarusGen = ["Belarus"],
        BelarusAdj = ["Belarusian", "Belarusian", "Lukashenka's"],
        BelarusRuler = ["Aliaksandr Lukashenka", "Lukashenka", "the Lukashenka regime", "the de facto authorities in Minsk"],
        BelarusPlaces = ["Minsk", "Hrodna", "Brest", "Vitebsk", "Homiel", "Mahilyow", "Minsk"],
        OtherCountries = ["Iran", "Myanmar", "Venezuela", "Nicaragua", "Syria", "Eritrea", "Azerbaijan", "Cambodia", "Sudan", "Tajikistan", "Zimbabwe", "Cuba"],
        OtherGen = ["Iran", "Myanmar", "Venezuela", "Nicaragua", "Syria", "Eritrea"],
        OtherAdj = ["Iranian", "Myanmar", "Venezuelan", "Nicaraguan", "Syrian", "Eritrean", "Azerbaijani", "Cambodian", "Sudanese"],
        OtherRuler = ["the military junta", "the ruling party", "the government", "the regime", "the security services", "the presidential administration"],
        OtherPlaces = ["Tehran", "Naypyidaw", "Caracas", "Managua", "Damascus", "Asmara", "Baku", "Phnom Penh", "Khartoum", "Dushanbe", "Harare", "Havana"],
        FirstNames = LatinFirst,
        LastNames = LatinLast,
        Roles = ["journalist", "human rights defender", "opposition politician", "lawyer", "trade unionist", "student", "blogger", "election observer", "activist", "musician", "teacher", "doctor"],
        Sectors = ["potash", "petroleum products", "tobacco", "aviation", "steel", "timber", "cement", "fertiliser", "dual-use goods", "machinery", "banking", "telecommunications"],
        Groups = ["judges", "prosecutors", "heads of penal colonies", "members of the Central Election Commission", "propagandists", "senior police officers", "officials of the KGB", "prison governors", "state media executives", "members of the security council"],
        Institutions = ["the Supreme Court", "the Investigative Committee", "the Ministry of Internal Affairs", "the Central Election Commission", "the State Security Committee", "the Prosecutor General's Office", "the riot police", "the Ministry of Information"],
        Orgs = ["Viasna", "the Belarusian Association of Journalists", "an independent trade union", "a student association", "a local election monitoring network", "an independent news website", "a legal aid centre", "a women's rights group"],
        Topics = ["political prisoners", "freedom of expression", "the independence of lawyers", "torture in detention", "the right to a fair trial", "media freedom", "free and fair elections", "forced disappearances", "freedom of assembly", "transnational repression"],
        Adjectives = ["deeply concerning", "unacceptable", "politically motivated", "arbitrary", "systematic", "unprecedented", "widespread", "deliberate", "grave", "ongoing"],
        Cities = ["Brussels", "Vilnius", "Warsaw", "Riga", "Tallinn", "Berlin", "Paris", "Geneva", "Strasbourg", "Vienna", "London", "Washington", "Ottawa", "Stockholm", "The Hague", "Helsinki", "Oslo", "Prague"],
        CompanyStems = CompanyStemsLatin,
        CompanySuffixes = CompanySuffixesLatin,
        Headlines = new()
        {
            ["statement"] =
            [
                "{target}: statement by {actor} on the sentencing of {person}", "{actor} condemns the continued repression in {target}",
                "Statement on the human rights situation in {target} ({date})", "{target}: {actor} calls for the release of all political prisoners",
                "{actor} on the anniversary of the {year} events in {target}", "Joint statement on {topic} in {target}",
            ],
            ["targeted_sanctions"] =
            [
                "{target}: {n} individuals and {n} entities added to the sanctions list", "{actor} imposes sanctions on {targetAdj} {group}",
                "New listings under the {target} sanctions regime ({date})", "{target}: asset freeze and travel ban for {n} persons responsible for repression",
            ],
            ["economic_measures"] =
            [
                "{target}: {actor} extends restrictions on {sector} imports", "New trade measures against {target} in the {sector} sector",
                "{actor} bans the export of {sector} to {target}", "{target}: financial restrictions widened to cover {company}",
            ],
            ["diplomatic_measures"] =
            [
                "{actor} expels {n} {targetAdj} diplomats", "{actor} recalls its ambassador from {place} for consultations",
                "{targetAdj} chargé d'affaires summoned over {topic}", "{actor} suspends cooperation with {target} on {topic}",
            ],
            ["support"] =
            [
                "{actor} announces €{big} in support for {targetAdj} civil society", "{actor} renews its support for independent media from {target}",
                "New programme for exiled {targetAdj} students and journalists", "{actor} funds legal aid for victims of repression in {target}",
            ],
            ["resolution"] =
            [
                "Resolution on {target} adopted by {actor}", "{actor} adopts resolution on {topic} in {target}",
                "Text adopted: the situation in {target} ({date})", "{actor} renews the mandate of the Special Rapporteur on {target}",
            ],
            ["investigation"] =
            [
                "{actor} opens an inquiry into {topic} in {target}", "Report documents {topic} in {target}: {n} cases examined",
                "{target}: fact-finding mission presents its findings", "{actor} publishes report on {topic} in {target} since {year}",
            ],
            ["not_a_response"] =
            [
                "Court in {place} sentences {person} to {n} years", "{place}: {n} people detained after a concert",
                "{targetAdj} authorities announce new rules on {topic}", "{ruler} signs a decree on {sector}",
            ],
        },
        Leads = new()
        {
            ["statement"] =
            [
                "{actor} is {adj}ly alarmed by the sentencing of {person} by a court in {place} on {date}, in what can only be described as a politically motivated trial.",
                "On {date} {actor} issued the following statement on the continued repression of civil society and the democratic opposition in {target}.",
                "{actor} strongly condemns the decision of the {targetAdj} authorities to liquidate {org}, the latest in a long series of {adj} steps against independent voices.",
            ],
            ["targeted_sanctions"] =
            [
                "{actor} today decided to impose restrictive measures on a further {n} individuals and {n} entities responsible for the continued repression in {target}.",
                "Acting under the {target} sanctions regime, {actor} has designated {n} {group} and {n} companies, including {company}, for their role in human rights violations.",
            ],
            ["economic_measures"] =
            [
                "{actor} has adopted new restrictions on trade in {sector} with {target}, closing loopholes that had allowed goods to reach the {targetAdj} state sector.",
                "From {date} imports of {sector} from {target} are prohibited, {actor} announced, and the export of {sector} to {target} requires a licence.",
            ],
            ["diplomatic_measures"] =
            [
                "{actor} has declared {n} diplomats of the embassy of {target} in {city} persona non grata and ordered them to leave within {n} days.",
                "The {targetAdj} chargé d'affaires was summoned to {actor} on {date} and handed a note of protest over {topic}.",
            ],
            ["support"] =
            [
                "{actor} will provide €{big} over the next {n} months to support {targetAdj} civil society, independent media and victims of repression.",
                "{actor} announced on {date} a new package of support for {targetAdj} journalists, human rights defenders and students forced into exile.",
            ],
            ["resolution"] =
            [
                "{actor} adopted on {date} a resolution on the situation in {target} by {n} votes in favour, {n} against and {n} abstentions.",
                "In a resolution adopted today, {actor} condemns the {adj} crackdown in {target} and calls on all member states to step up pressure on {ruler}.",
            ],
            ["investigation"] =
            [
                "{actor} has published a report documenting {n} cases of {topic} in {target} between {year} and {year}.",
                "{actor} has opened an investigation into allegations of {topic} in {target}, after receiving {n} testimonies from victims and witnesses.",
            ],
            ["not_a_response"] =
            [
                "A court in {place} on {date} sentenced {person} to {n} years in a penal colony on charges that relatives describe as fabricated.",
                "Police in {place} detained at least {n} people on {date}, according to local media, after an unauthorised gathering near the railway station.",
            ],
        },
        Body = new()
        {
            ["statement"] =
            [
                "We call on {ruler} to release immediately and unconditionally all political prisoners, including {person}.",
                "These actions violate {target}'s international human rights obligations and the commitments it has made in the OSCE.",
                "{actor} stands in solidarity with the people of {target} and their legitimate demand for free and fair elections.",
                "The persecution of {official} is part of a broader pattern of {adj} pressure on {topic}.",
            ],
            ["targeted_sanctions"] =
            [
                "Those listed include {group} and {group} involved in {topic} and in the politically motivated trials of {official}.",
                "The persons listed are subject to an asset freeze, and making funds available to them is prohibited; a travel ban prevents them from entering or transiting through our territory.",
                "With today's decision, restrictive measures in view of the situation in {target} apply to {big} individuals and {n} entities in total.",
                "{company}, a supplier of the {targetAdj} security apparatus, was also added to the list.",
            ],
            ["economic_measures"] =
            [
                "The measures cover {sector}, {sector} and {sector}, which account for a significant share of {target}'s export revenues.",
                "Transactions with {company} and with state-owned banks of {target} are prohibited from {date}.",
                "The restrictions are designed to limit the revenues that fund the repressive apparatus of {ruler}.",
            ],
            ["diplomatic_measures"] =
            [
                "The decision follows repeated {adj} actions by the {targetAdj} authorities, including {topic}.",
                "Contacts with {target} at a senior level remain suspended until further notice.",
                "The ambassador of {actor2} was also recalled for consultations, the ministry said.",
            ],
            ["support"] =
            [
                "The funds will be channelled through {org} and other partners working on {topic}.",
                "Since {year}, {actor} has provided more than €{big} to {targetAdj} civil society and independent media.",
                "Scholarships for {n} students expelled from {targetAdj} universities will be made available from {month}.",
            ],
            ["resolution"] =
            [
                "The resolution calls for the establishment of an international accountability mechanism for crimes committed in {target}.",
                "Members urge the Commission and the member states to extend sanctions to {group} and to {company}.",
                "The text also demands the release of {official} and of all other political prisoners.",
            ],
            ["investigation"] =
            [
                "The report is based on interviews with {n} victims and witnesses, medical records and court documents.",
                "Investigators found that {institution} was responsible for most of the documented cases of {topic}.",
                "The findings will be presented to the Human Rights Council at its session in {month}.",
            ],
            ["not_a_response"] =
            [
                "The trial was held behind closed doors, and the defendant's lawyer was not allowed to speak to journalists.",
                "Relatives said {person} had been held in pre-trial detention for {n} months.",
                "{institution} did not respond to a request for comment.",
            ],
        },
        Common =
        [
            "According to {org}, more than {n} people are currently held on politically motivated charges in {target}.",
            "{official} was detained on {date} and has not been allowed to contact relatives since.",
            "Speaking in {city} on {date}, {official} said the situation had worsened markedly since {year}.",
            "The {targetAdj} authorities have rejected the criticism as interference in internal affairs.",
            "Observers in {city} noted that the hearing lasted less than {n} minutes.",
            "In {month} alone, at least {n} searches were carried out at the homes of {group} and their relatives.",
            "{institution} has opened criminal cases against {n} people for comments posted online.",
            "International partners, including {actor2}, have raised {topic} repeatedly in bilateral contacts.",
            "The case of {person} has drawn attention to {topic} and to the conditions of detention in {place}.",
            "Independent monitors estimate that {big} people have left {target} since {year}.",
            "{org} reported that {n} of those detained were later released after paying fines.",
            "The next review of the situation is expected in {month}, officials in {city} said.",
            "Family members of {person} told {org} that letters from prison had stopped arriving in {month}.",
            "Exiled journalists working from {city} continue to report on developments in {place}.",
        ],
        Closings =
        [
            "For further information, contact the press office in {city}.",
            "The full text of the decision will be published in the Official Journal.",
            "{actor} will continue to follow the situation closely.",
            "This statement is also available in French, German, Polish and Russian.",
        ],
        DetailSubjects = ["the delegation", "a spokesperson for {actor}", "{official}", "the rapporteur", "the working group", "a senior official in {city}", "the committee chair", "the embassy in {city}", "{org}", "the ombudsperson", "the panel of experts", "the coalition of donors"],
        DetailVerbs = ["reiterated", "stressed", "confirmed", "underlined", "noted", "recalled", "welcomed", "questioned", "documented", "reported", "highlighted", "criticised", "acknowledged", "emphasised"],
        DetailObjects = ["the importance of {topic}", "the need for coordinated action on {sector}", "the findings of the previous report on {topic}", "the support provided to {org}", "the {adj} treatment of {group}", "the situation of {official}", "the next steps agreed in {city}", "{n} new cases of {topic}", "the role of {institution}", "the links between {company} and {institution}"],
        DetailCircumstances = ["during a briefing on {date}", "in a letter sent in {month}", "at the meeting in {city}", "in remarks to journalists in {city}", "ahead of the session in {month}", "in its annual report for {year}", "after a visit to {city}", "in a hearing on {date}", "in a joint letter with {actor2}", "following consultations with {org}"],
    };

    public static readonly Lang Ru = new()
    {
        Code = "ru",
        Culture = CultureInfo.GetCultureInfo("ru-RU"),
        Actors = ["Совет ЕС", "Европейский союз", "Госдепартамент США", "МИД Литвы", "МИД Польши", "ОБСЕ", "Совет Европы", "Верховный комиссар ООН по правам человека", "Human Rights Watch", "Amnesty International", "Правительство Канады", "МИД Латвии", "МИД Эстонии", "МИД Германии"],
        Belarus = ["Беларусь", "Белоруссия"],
        BelarusGen = ["Беларуси", "Белоруссии"],
        BelarusAdj = ["белорусских", "белорусского"],
        BelarusRuler = ["Александра Лукашенко", "режима Лукашенко", "белорусских властей"],
        BelarusPlaces = ["Минске", "Гродно", "Гомеле", "Витебске", "Бресте"],
        OtherCountries = ["Иран", "Мьянма", "Венесуэла", "Никарагуа", "Сирия", "Азербайджан", "Таджикистан"],
        OtherGen = ["Ирана", "Мьянмы", "Венесуэлы", "Никарагуа", "Сирии", "Азербайджана", "Таджикистана"],
        OtherAdj = ["иранских", "мьянманских", "венесуэльских", "никарагуанских", "сирийских"],
        OtherRuler = ["военной хунты", "правящего режима", "местных властей", "силовых структур"],
        OtherPlaces = ["Тегеране", "Каракасе", "Манагуа", "Дамаске", "Баку", "Душанбе"],
        FirstNames = ["Анна", "Мария", "Ольга", "Игорь", "Сергей", "Александр", "Марина", "Виктор", "Павел", "Наталья", "Алесь", "Татьяна", "Юрий", "Ирина", "Дмитрий", "Екатерина", "Андрей", "Николай"],
        LastNames = ["Ковалёв", "Шаповалова", "Лагвинович", "Бондаренко", "Кузьмич", "Мороз", "Дубовик", "Сидоренко", "Кравчук", "Жук", "Лисовская", "Наумов", "Павловец", "Рогачёв", "Шило", "Василевич", "Зайцева"],
        Roles = ["журналист", "правозащитник", "юрист", "профсоюзный активист", "студент", "блогер", "наблюдатель", "музыкант", "учитель", "врач"],
        Sectors = ["калийных удобрений", "нефтепродуктов", "табачных изделий", "древесины", "стали", "цемента", "товаров двойного назначения"],
        Groups = ["судей", "прокуроров", "начальников колоний", "членов ЦИК", "пропагандистов", "сотрудников КГБ", "руководителей госСМИ"],
        Institutions = ["Следственный комитет", "МВД", "Центризбирком", "КГБ", "Генеральная прокуратура", "ОМОН"],
        Orgs = ["правозащитный центр", "Ассоциация журналистов", "независимый профсоюз", "студенческое объединение", "независимое издание", "центр правовой помощи"],
        Topics = ["политических заключённых", "свободы слова", "независимости адвокатов", "пыток в местах заключения", "права на справедливый суд", "свободы СМИ", "свободных выборов", "свободы собраний"],
        Adjectives = ["глубоко обеспокоен", "крайне встревожен", "серьёзно озабочен", "возмущён"],
        Cities = ["Брюсселе", "Вильнюсе", "Варшаве", "Риге", "Таллине", "Берлине", "Париже", "Женеве", "Страсбурге", "Вене", "Лондоне", "Вашингтоне"],
        CompanyStems = ["Гродтранс", "Белнорд", "Полесье", "Неманпром", "Свислочь", "Двинанефть", "Березина", "Нарочтекс", "Сожмаш"],
        CompanySuffixes = [" ОАО", " ЗАО", " ООО", " Холдинг", " Групп"],
        Headlines = new()
        {
            ["statement"] = ["{actor} осуждает приговор {person} в {place}", "Заявление о положении с правами человека: ситуация вокруг {targetGen}", "{actor} призвал освободить политзаключённых ({date})"],
            ["targeted_sanctions"] = ["{actor} ввёл санкции против {n} {targetAdj} {group}", "Новые санкции в отношении {targetGen}: {n} физических лиц и {n} организаций"],
            ["economic_measures"] = ["{actor} запретил импорт {sector} из {targetGen}", "Новые торговые ограничения в отношении {targetGen}"],
            ["diplomatic_measures"] = ["{actor} выслал {n} дипломатов {targetGen}", "Временный поверенный {targetGen} вызван в {actor}"],
            ["support"] = ["{actor} выделит €{big} на поддержку гражданского общества {targetGen}", "Новая программа помощи для журналистов из {targetGen}"],
            ["resolution"] = ["{actor} принял резолюцию о ситуации в отношении {targetGen}", "Резолюция о {topic}: голосование {date}"],
            ["investigation"] = ["{actor} опубликовал доклад о {topic}: {n} случаев", "Расследование {topic} в отношении {targetGen}"],
            ["not_a_response"] = ["Суд в {place} приговорил {person} к {n} годам", "В {place} задержаны {n} человек"],
        },
        Leads = new()
        {
            ["statement"] = ["{actor} {adj} приговором, вынесенным {date} в {place} по делу {person}, которое носит явно политический характер."],
            ["targeted_sanctions"] = ["{actor} {date} принял решение ввести ограничительные меры против ещё {n} физических лиц и {n} организаций, ответственных за репрессии со стороны {ruler}."],
            ["economic_measures"] = ["С {date} запрещён импорт {sector} из {targetGen}, а экспорт {sector} требует лицензии, сообщил {actor}."],
            ["diplomatic_measures"] = ["{actor} объявил {n} дипломатов посольства {targetGen} персонами нон грата и потребовал покинуть страну в течение {n} дней."],
            ["support"] = ["{actor} в ближайшие {n} месяцев направит €{big} на поддержку гражданского общества и независимых СМИ {targetGen}."],
            ["resolution"] = ["{date} {actor} принял резолюцию о положении дел в отношении {targetGen}: за проголосовали {n}, против {n}, воздержались {n}."],
            ["investigation"] = ["{actor} опубликовал доклад, в котором задокументированы {n} случаев {topic} с {year} по {year} год."],
            ["not_a_response"] = ["Суд в {place} {date} приговорил {person} к {n} годам колонии по обвинению, которое родственники называют сфабрикованным."],
        },
        Body = new()
        {
            ["statement"] = ["Мы призываем {ruler} немедленно и безоговорочно освободить всех политических заключённых, включая {person}.", "Эти действия нарушают международные обязательства в области прав человека."],
            ["targeted_sanctions"] = ["В список включены {group} и {group}, причастные к нарушениям {topic}.", "Активы лиц из списка замораживаются, им запрещён въезд."],
            ["economic_measures"] = ["Меры затрагивают поставки {sector} и {sector}.", "Сделки с компанией {company} запрещены с {date}."],
            ["diplomatic_measures"] = ["Решение принято после неоднократных провокаций со стороны {ruler}.", "Контакты на высоком уровне приостановлены."],
            ["support"] = ["Средства будут направлены через {org} и другие организации.", "Стипендии получат {n} студентов, отчисленных по политическим мотивам."],
            ["resolution"] = ["Резолюция призывает создать международный механизм ответственности.", "Текст также требует освободить {person}."],
            ["investigation"] = ["Доклад основан на интервью с {n} пострадавшими и свидетелями.", "Следователи установили, что за большинство случаев отвечает {institution}."],
            ["not_a_response"] = ["Процесс проходил в закрытом режиме.", "Родственники сообщили, что {person} провёл в СИЗО {n} месяцев."],
        },
        Common =
        [
            "По данным организации «{org}», по политически мотивированным статьям сейчас удерживаются более {n} человек.",
            "{official} был задержан {date} и с тех пор не может связаться с родственниками.",
            "Выступая в {city} {date}, {official} заявил, что ситуация заметно ухудшилась с {year} года.",
            "Власти отвергают критику как вмешательство во внутренние дела.",
            "В {month} прошли обыски у {n} человек, сообщает {org}.",
            "{institution} возбудил уголовные дела против {n} человек за комментарии в интернете.",
            "Независимые наблюдатели оценивают число уехавших в {big} человек.",
        ],
        Closings = ["Полный текст решения будет опубликован в официальном журнале.", "{actor} продолжит внимательно следить за ситуацией."],
        DetailSubjects = ["делегация", "представитель {actor}", "{official}", "докладчик", "рабочая группа", "посольство в {city}"],
        DetailVerbs = ["подчеркнул", "напомнил", "отметил", "подтвердил", "раскритиковал", "задокументировал"],
        DetailObjects = ["важность {topic}", "положение {group}", "выводы предыдущего доклада", "роль структуры «{institution}»", "{n} новых случаев нарушений"],
        DetailCircumstances = ["на брифинге {date}", "в письме, направленном в {month}", "на встрече в {city}", "в ежегодном докладе за {year} год", "после визита в {city}"],
    };

    public static readonly Lang De = new()
    {
        Code = "de",
        Culture = CultureInfo.GetCultureInfo("de-DE"),
        DateFormat = "d. MMMM yyyy",
        Actors = ["der Rat der EU", "das Auswärtige Amt", "die Bundesregierung", "die Europäische Union", "das Europäische Parlament", "die OSZE", "der Europarat", "Amnesty International", "Human Rights Watch", "die Schweiz", "Österreich", "Litauen", "Polen"],
        Belarus = ["Belarus", "Belarus", "Weißrussland"],
        BelarusGen = ["Belarus"],
        BelarusAdj = ["belarussischen", "belarussischer"],
        BelarusRuler = ["Machthaber Lukaschenko", "das Lukaschenko-Regime", "die belarussischen Behörden"],
        BelarusPlaces = ["Minsk", "Grodno", "Gomel", "Brest", "Witebsk"],
        OtherCountries = ["Iran", "Myanmar", "Venezuela", "Nicaragua", "Syrien", "Aserbaidschan", "Kambodscha"],
        OtherGen = ["Iran", "Myanmar", "Venezuela", "Nicaragua", "Syrien"],
        OtherAdj = ["iranischen", "venezolanischen", "syrischen", "nicaraguanischen"],
        OtherRuler = ["die Militärjunta", "die Regierung", "das Regime", "die Sicherheitsbehörden"],
        OtherPlaces = ["Teheran", "Caracas", "Managua", "Damaskus", "Baku", "Naypyidaw"],
        FirstNames = LatinFirst,
        LastNames = LatinLast,
        Roles = ["Journalistin", "Menschenrechtsverteidiger", "Oppositionspolitikerin", "Anwalt", "Gewerkschafter", "Studentin", "Blogger", "Wahlbeobachterin"],
        Sectors = ["Kalidünger", "Erdölprodukte", "Tabakwaren", "Holz", "Stahl", "Zement", "Güter mit doppeltem Verwendungszweck"],
        Groups = ["Richter", "Staatsanwälte", "Gefängnisleiter", "Mitglieder der Wahlkommission", "Propagandisten", "KGB-Offiziere"],
        Institutions = ["das Untersuchungskomitee", "das Innenministerium", "die Zentrale Wahlkommission", "der KGB", "die Generalstaatsanwaltschaft"],
        Orgs = ["ein Menschenrechtszentrum", "der Journalistenverband", "eine unabhängige Gewerkschaft", "ein unabhängiges Nachrichtenportal"],
        Topics = ["politische Gefangene", "Meinungsfreiheit", "Folter in Haft", "faire Verfahren", "Pressefreiheit", "freie Wahlen", "Versammlungsfreiheit"],
        Adjectives = ["zutiefst besorgt", "entsetzt", "empört", "alarmiert"],
        Cities = ["Berlin", "Brüssel", "Wien", "Genf", "Straßburg", "Vilnius", "Warschau", "Bern", "Hamburg"],
        CompanyStems = CompanyStemsLatin,
        CompanySuffixes = [" AG", " GmbH", " Holding", " Werk", " Handel"],
        Headlines = new()
        {
            ["statement"] = ["{actor} verurteilt Urteil gegen {person} in {place}", "Erklärung zur Menschenrechtslage in {target} ({date})"],
            ["targeted_sanctions"] = ["{target}: Sanktionen gegen {n} Personen und {n} Organisationen", "{actor} verhängt Sanktionen gegen {targetAdj} {group}"],
            ["economic_measures"] = ["{actor} verbietet Einfuhr von {sector} aus {target}", "Neue Handelsbeschränkungen gegen {target}"],
            ["diplomatic_measures"] = ["{actor} weist {n} {targetAdj} Diplomaten aus", "{targetAdj} Geschäftsträger einbestellt"],
            ["support"] = ["{actor} unterstützt {targetAdj} Zivilgesellschaft mit €{big}", "Neues Programm für {targetAdj} Journalisten im Exil"],
            ["resolution"] = ["Entschließung zur Lage in {target} angenommen", "{actor} verabschiedet Resolution zu {topic} in {target}"],
            ["investigation"] = ["Bericht dokumentiert {n} Fälle: {topic} in {target}", "{actor} leitet Untersuchung zu {target} ein"],
            ["not_a_response"] = ["Gericht in {place} verurteilt {person} zu {n} Jahren", "{n} Festnahmen in {place}"],
        },
        Leads = new()
        {
            ["statement"] = ["{actor} ist {adj} über das Urteil gegen {person}, das ein Gericht in {place} am {date} in einem politisch motivierten Verfahren verhängt hat."],
            ["targeted_sanctions"] = ["{actor} hat am {date} beschlossen, restriktive Maßnahmen gegen weitere {n} Personen und {n} Organisationen zu verhängen, die für die Repression in {target} verantwortlich sind."],
            ["economic_measures"] = ["Ab dem {date} ist die Einfuhr von {sector} aus {target} verboten, teilte {actor} mit."],
            ["diplomatic_measures"] = ["{actor} hat {n} Diplomaten der Botschaft von {target} in {city} zu unerwünschten Personen erklärt."],
            ["support"] = ["{actor} stellt in den nächsten {n} Monaten €{big} für die Zivilgesellschaft und unabhängige Medien aus {target} bereit."],
            ["resolution"] = ["{actor} hat am {date} eine Entschließung zur Lage in {target} mit {n} Ja-Stimmen, {n} Nein-Stimmen und {n} Enthaltungen angenommen."],
            ["investigation"] = ["{actor} hat einen Bericht veröffentlicht, der {n} Fälle von Verstößen gegen {topic} in {target} zwischen {year} und {year} dokumentiert."],
            ["not_a_response"] = ["Ein Gericht in {place} hat {person} am {date} zu {n} Jahren Strafkolonie verurteilt."],
        },
        Body = new()
        {
            ["statement"] = ["Wir fordern {ruler} auf, alle politischen Gefangenen sofort und bedingungslos freizulassen, darunter {person}.", "Diese Handlungen verletzen die internationalen Verpflichtungen von {target}."],
            ["targeted_sanctions"] = ["Auf der Liste stehen {group} und {group}.", "Die Vermögenswerte der gelisteten Personen werden eingefroren; es gilt ein Einreiseverbot."],
            ["economic_measures"] = ["Die Maßnahmen betreffen {sector} und {sector}.", "Geschäfte mit {company} sind ab dem {date} untersagt."],
            ["diplomatic_measures"] = ["Die Entscheidung folgt wiederholten Provokationen.", "Kontakte auf hoher Ebene bleiben ausgesetzt."],
            ["support"] = ["Die Mittel werden über {org} vergeben.", "{n} Studierende erhalten Stipendien."],
            ["resolution"] = ["Die Entschließung fordert einen internationalen Rechenschaftsmechanismus.", "Der Text fordert die Freilassung von {person}."],
            ["investigation"] = ["Der Bericht stützt sich auf {n} Interviews mit Betroffenen.", "Verantwortlich war demnach vor allem {institution}."],
            ["not_a_response"] = ["Der Prozess fand unter Ausschluss der Öffentlichkeit statt.", "{person} saß {n} Monate in Untersuchungshaft."],
        },
        Common =
        [
            "Nach Angaben von {org} sind derzeit mehr als {n} Menschen aus politischen Gründen inhaftiert.",
            "{official} wurde am {date} festgenommen und hat seitdem keinen Kontakt zu Angehörigen.",
            "In {city} sagte {official} am {date}, die Lage habe sich seit {year} deutlich verschlechtert.",
            "Die Behörden weisen die Kritik als Einmischung in innere Angelegenheiten zurück.",
            "Im {month} gab es nach Angaben von {org} mindestens {n} Durchsuchungen.",
            "{institution} hat Strafverfahren gegen {n} Menschen wegen Kommentaren im Internet eingeleitet.",
        ],
        Closings = ["Der vollständige Text wird im Amtsblatt veröffentlicht.", "{actor} wird die Lage weiterhin genau verfolgen."],
        DetailSubjects = ["die Delegation", "ein Sprecher von {actor}", "{official}", "der Berichterstatter", "die Arbeitsgruppe", "die Botschaft in {city}"],
        DetailVerbs = ["betonte", "bekräftigte", "erinnerte an", "kritisierte", "dokumentierte", "begrüßte"],
        DetailObjects = ["die Bedeutung von {topic}", "die Lage der {group}", "die Ergebnisse des letzten Berichts", "die Rolle von {institution}", "{n} neue Fälle"],
        DetailCircumstances = ["bei einem Briefing am {date}", "in einem Schreiben vom {month}", "bei einem Treffen in {city}", "im Jahresbericht {year}", "nach einem Besuch in {city}"],
    };

    public static readonly Lang Fr = new()
    {
        Code = "fr",
        Culture = CultureInfo.GetCultureInfo("fr-FR"),
        Actors = ["le Conseil de l'UE", "l'Union européenne", "le ministère de l'Europe et des Affaires étrangères", "la France", "le Parlement européen", "l'OSCE", "le Conseil de l'Europe", "la FIDH", "Reporters sans frontières", "la Belgique", "le Luxembourg", "le Canada"],
        Belarus = ["le Bélarus", "la Biélorussie"],
        BelarusGen = ["du Bélarus", "de la Biélorussie"],
        BelarusAdj = ["biélorusses", "bélarusses"],
        BelarusRuler = ["Alexandre Loukachenko", "le régime de Loukachenko", "les autorités biélorusses"],
        BelarusPlaces = ["Minsk", "Grodno", "Gomel", "Brest", "Vitebsk"],
        OtherCountries = ["l'Iran", "le Myanmar", "le Venezuela", "le Nicaragua", "la Syrie", "l'Azerbaïdjan"],
        OtherGen = ["de l'Iran", "du Myanmar", "du Venezuela", "du Nicaragua", "de la Syrie"],
        OtherAdj = ["iraniens", "vénézuéliens", "syriens", "nicaraguayens"],
        OtherRuler = ["la junte militaire", "le gouvernement", "le régime", "les services de sécurité"],
        OtherPlaces = ["Téhéran", "Caracas", "Managua", "Damas", "Bakou"],
        FirstNames = LatinFirst,
        LastNames = LatinLast,
        Roles = ["journaliste", "défenseur des droits humains", "opposante", "avocat", "syndicaliste", "étudiante", "blogueur", "observatrice électorale"],
        Sectors = ["la potasse", "les produits pétroliers", "le tabac", "le bois", "l'acier", "le ciment", "les biens à double usage"],
        Groups = ["juges", "procureurs", "directeurs de colonies pénitentiaires", "membres de la commission électorale", "propagandistes", "officiers du KGB"],
        Institutions = ["le comité d'enquête", "le ministère de l'Intérieur", "la commission électorale centrale", "le KGB", "le parquet général"],
        Orgs = ["un centre de défense des droits humains", "l'association des journalistes", "un syndicat indépendant", "un média indépendant"],
        Topics = ["les prisonniers politiques", "la liberté d'expression", "la torture en détention", "le droit à un procès équitable", "la liberté de la presse", "des élections libres"],
        Adjectives = ["profondément préoccupé", "consterné", "indigné", "alarmé"],
        Cities = ["Paris", "Bruxelles", "Genève", "Strasbourg", "Luxembourg", "Vilnius", "Varsovie", "Lyon", "Ottawa"],
        CompanyStems = CompanyStemsLatin,
        CompanySuffixes = [" SA", " SARL", " Holding", " Groupe", " Négoce"],
        Headlines = new()
        {
            ["statement"] = ["{actor} condamne la condamnation de {person} à {place}", "Déclaration sur la situation des droits humains ({date})"],
            ["targeted_sanctions"] = ["{target} : sanctions contre {n} personnes et {n} entités", "{actor} sanctionne des {group} {targetAdj}"],
            ["economic_measures"] = ["{actor} interdit les importations de {sector} en provenance {targetGen}", "Nouvelles restrictions commerciales visant {target}"],
            ["diplomatic_measures"] = ["{actor} expulse {n} diplomates {targetAdj}", "Le chargé d'affaires {targetGen} convoqué"],
            ["support"] = ["{actor} soutient la société civile {targetGen} à hauteur de €{big}", "Nouveau programme pour les journalistes {targetAdj} en exil"],
            ["resolution"] = ["Résolution sur la situation {targetGen} adoptée", "{actor} adopte une résolution sur {topic}"],
            ["investigation"] = ["Un rapport documente {n} cas : {topic}", "{actor} ouvre une enquête sur la situation {targetGen}"],
            ["not_a_response"] = ["Un tribunal de {place} condamne {person} à {n} ans", "{n} arrestations à {place}"],
        },
        Leads = new()
        {
            ["statement"] = ["{actor} est {adj} par la condamnation de {person}, prononcée le {date} à {place} à l'issue d'un procès à caractère politique."],
            ["targeted_sanctions"] = ["{actor} a décidé le {date} d'imposer des mesures restrictives à {n} personnes et {n} entités supplémentaires responsables de la répression, visant {target}."],
            ["economic_measures"] = ["À partir du {date}, les importations de {sector} en provenance {targetGen} sont interdites, a annoncé {actor}."],
            ["diplomatic_measures"] = ["{actor} a déclaré {n} diplomates de l'ambassade {targetGen} à {city} persona non grata."],
            ["support"] = ["{actor} consacrera €{big} au cours des {n} prochains mois au soutien de la société civile et des médias indépendants {targetGen}."],
            ["resolution"] = ["{actor} a adopté le {date} une résolution sur la situation {targetGen} par {n} voix pour, {n} contre et {n} abstentions."],
            ["investigation"] = ["{actor} a publié un rapport documentant {n} cas d'atteintes à {topic} entre {year} et {year}, visant {target}."],
            ["not_a_response"] = ["Un tribunal de {place} a condamné le {date} {person} à {n} ans de colonie pénitentiaire."],
        },
        Body = new()
        {
            ["statement"] = ["Nous appelons {ruler} à libérer immédiatement et sans condition tous les prisonniers politiques, dont {person}.", "Ces actes violent les obligations internationales en matière de droits humains."],
            ["targeted_sanctions"] = ["La liste comprend des {group} et des {group}.", "Les avoirs des personnes inscrites sont gelés et elles sont interdites de séjour."],
            ["economic_measures"] = ["Les mesures concernent {sector} et {sector}.", "Les transactions avec {company} sont interdites à partir du {date}."],
            ["diplomatic_measures"] = ["Cette décision fait suite à des provocations répétées.", "Les contacts de haut niveau restent suspendus."],
            ["support"] = ["Les fonds seront versés par l'intermédiaire de {org}.", "{n} étudiants recevront des bourses."],
            ["resolution"] = ["La résolution demande un mécanisme international de responsabilité.", "Le texte exige la libération de {person}."],
            ["investigation"] = ["Le rapport s'appuie sur {n} entretiens avec des victimes.", "Selon les enquêteurs, {institution} est responsable de la plupart des cas."],
            ["not_a_response"] = ["Le procès s'est tenu à huis clos.", "{person} était en détention provisoire depuis {n} mois."],
        },
        Common =
        [
            "Selon {org}, plus de {n} personnes sont actuellement détenues pour des motifs politiques.",
            "{official} a été arrêté le {date} et n'a depuis aucun contact avec ses proches.",
            "À {city}, le {date}, {official} a déclaré que la situation s'était nettement dégradée depuis {year}.",
            "Les autorités rejettent ces critiques comme une ingérence dans leurs affaires intérieures.",
            "En {month}, au moins {n} perquisitions ont eu lieu, selon {org}.",
            "{institution} a ouvert des poursuites contre {n} personnes pour des commentaires publiés en ligne.",
        ],
        Closings = ["Le texte intégral sera publié au Journal officiel.", "{actor} continuera de suivre la situation de près."],
        DetailSubjects = ["la délégation", "un porte-parole de {actor}", "{official}", "le rapporteur", "le groupe de travail", "l'ambassade à {city}"],
        DetailVerbs = ["a rappelé", "a souligné", "a confirmé", "a critiqué", "a documenté", "a salué"],
        DetailObjects = ["l'importance de {topic}", "la situation des {group}", "les conclusions du rapport précédent", "le rôle de {institution}", "{n} nouveaux cas"],
        DetailCircumstances = ["lors d'un point de presse le {date}", "dans une lettre envoyée en {month}", "lors d'une réunion à {city}", "dans son rapport annuel {year}", "après une visite à {city}"],
    };
}
