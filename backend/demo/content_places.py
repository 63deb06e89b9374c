"""Demo regions, offices, properties and units.

Finnish is complete everywhere. Swedish and English are deliberately left out of some fields
so that the language fallback (fi ← sv/en, per field) can be seen and tested:

- ``vuosaaren-merituuli``: no English in any of its own texts (only ``city`` has English);
- ``fleminginhovi``: no Swedish ``description`` and no Swedish ``waste_sorting``;
- ``siilitien-honkapiha``: ``sauna_times`` only in Finnish, ``laundry_times`` without English.

``kontulan-kaari``, ``jatkasaaren-majakka`` and both regions with their offices are complete in
all three languages.
"""

from backend.demo.model import DemoOffice, DemoProperty, DemoRegion, DemoUnit, Localized

EAST = "ita-helsinki"
CENTRAL_WEST = "keskusta-lansi"

KONTULA = "kontulan-kaari"
VUOSAARI = "vuosaaren-merituuli"
HERTTONIEMI = "siilitien-honkapiha"
KALLIO = "fleminginhovi"
JATKASAARI = "jatkasaaren-majakka"

HELSINKI: Localized = {"fi": "Helsinki", "sv": "Helsingfors", "en": "Helsinki"}


def loc(fi: str, sv: str | None = None, en: str | None = None) -> Localized:
    """A localized text; a language given as None is left out (the reader falls back to fi)."""
    text = {"fi": fi}
    if sv is not None:
        text["sv"] = sv
    if en is not None:
        text["en"] = en
    return text


def regions() -> tuple[DemoRegion, ...]:
    east_office = DemoOffice(
        key="ita-asiakaspalvelu",
        name=loc(
            "Itä-Helsingin asiakaspalvelupiste",
            "Kundtjänstkontoret i Östra Helsingfors",
            "East Helsinki customer service office",
        ),
        street_address=loc("Kontulantie 5", "Gårdsbackavägen 5", "Kontulantie 5"),
        postal_code="00940",
        city=dict(HELSINKI),
        phone="+358 9 000 0110",
        email="palvelupiste.ita@example.fi",
        opening_hours=loc(
            "ma–to klo 9–16, pe klo 9–14. Heinäkuussa vain ajanvarauksella. "
            "Ota mukaan henkilöllisyystodistus, jos tulet hakemaan rekisteröitymiskoodia.",
            "mån–tors kl. 9–16, fre kl. 9–14. I juli endast med tidsbokning. "
            "Ta med ett identitetsbevis om du kommer för att få en registreringskod.",
            "Mon–Thu 9 am–4 pm, Fri 9 am–2 pm. In July by appointment only. "
            "Bring an identity document if you come for a registration code.",
        ),
    )
    central_office = DemoOffice(
        key="keskusta-asiakaspalvelu",
        name=loc(
            "Keskustan ja lännen asiakaspalvelupiste",
            "Kundtjänstkontoret för centrum och väst",
            "Central and West customer service office",
        ),
        street_address=loc("Ratapihantie 11", "Bangårdsvägen 11", "Ratapihantie 11"),
        postal_code="00520",
        city=dict(HELSINKI),
        phone="+358 9 000 0120",
        email="palvelupiste.keskusta@example.fi",
        opening_hours=loc(
            "ma–pe klo 9–16, ke klo 9–18. Juhlapyhien aattoina klo 9–13. "
            "Ota mukaan henkilöllisyystodistus, jos tulet hakemaan rekisteröitymiskoodia.",
            "mån–fre kl. 9–16, ons kl. 9–18. Dagen före helgdag kl. 9–13. "
            "Ta med ett identitetsbevis om du kommer för att få en registreringskod.",
            "Mon–Fri 9 am–4 pm, Wed 9 am–6 pm. On the eve of public holidays 9 am–1 pm. "
            "Bring an identity document if you come for a registration code.",
        ),
    )
    return (
        DemoRegion(
            key=EAST,
            name=loc("Itä-Helsinki", "Östra Helsingfors", "East Helsinki"),
            offices=(east_office,),
        ),
        DemoRegion(
            key=CENTRAL_WEST,
            name=loc("Keskusta ja länsi", "Centrum och väst", "Central and West Helsinki"),
            offices=(central_office,),
        ),
    )


def _unit(code: str, floor: int, rooms: str, area_m2: float) -> DemoUnit:
    """``_unit("A 12", 4, "3h+k+s", 78.0)``: staircase A, number 12; "+s" means an own sauna."""
    staircase, number = code.split(" ")
    return DemoUnit(
        staircase=staircase,
        number=number,
        floor=floor,
        rooms=rooms,
        area_m2=area_m2,
        has_sauna=rooms.endswith("+s"),
    )


def _kontula() -> DemoProperty:
    return DemoProperty(
        key=KONTULA,
        region_key=EAST,
        name="Kontulan Kaari",
        street_address=loc("Kontulantie 28", "Gårdsbackavägen 28", "Kontulantie 28"),
        postal_code="00940",
        city=dict(HELSINKI),
        district=loc("Kontula", "Gårdsbacka", "Kontula"),
        year_built=1967,
        floors=8,
        heating=loc("Kaukolämpö", "Fjärrvärme", "District heating"),
        description=loc(
            "Kontulan Kaari on vuonna 1967 valmistunut kahdeksankerroksinen kerrostalo "
            "Kontulan ostoskeskuksen ja metroaseman lähellä. Talossa on kaksi porrasta "
            "(A ja B), hissi molemmissa portaissa, yhteissauna, pesutupa ja kuivaushuone. "
            "Julkisivut ja ikkunat korjattiin vuonna 2015, ja putkiremontti valmistui "
            "vuonna 2019. Pihalla on leikkipaikka, grillikatos ja lukittava pyöräkatos. "
            "Autopaikkaa voi hakea asukasportaalin palvelupyynnöllä.",
            "Kontulan Kaari är ett flervåningshus i åtta våningar från 1967, nära "
            "Gårdsbacka köpcentrum och metrostation. Huset har två trappor (A och B) med "
            "hiss i båda, gemensam bastu, tvättstuga och torkrum. Fasaderna och fönstren "
            "renoverades 2015 och rörrenoveringen blev klar 2019. På gården finns en "
            "lekplats, ett grilltak och ett låsbart cykeltak. Bilplats kan sökas med en "
            "servicebegäran i invånarportalen.",
            "Kontulan Kaari is an eight-storey apartment building completed in 1967, close "
            "to the Kontula shopping centre and metro station. It has two staircases (A and "
            "B), an elevator in both, a shared sauna, a laundry room and a drying room. The "
            "facades and windows were renovated in 2015 and the plumbing was renewed in "
            "2019. The yard has a playground, a barbecue shelter and a lockable bike "
            "shelter. You can apply for a parking space with a service request in the "
            "Resident Portal.",
        ),
        emergency_phone="+358 40 000 0101",
        maintenance_company_name="Huoltoesimerkki Oy",
        maintenance_company_phone="+358 9 000 0201",
        maintenance_company_email="huoltoesimerkki@example.fi",
        house_manager_name="Tuula Lehtinen",
        house_manager_phone="+358 40 000 0311",
        house_manager_email="tuula.lehtinen@example.fi",
        sauna_times=loc(
            "Yhteissauna on B-portaan kellarissa. Naisten vuoro ke klo 17–19 ja la klo "
            "16–18, miesten vuoro ke klo 19–21 ja la klo 18–20. Omia saunavuoroja (1 h) "
            "on vapaana ma, ti, to ja pe klo 17–22; varaa saunavuoro asukasportaalin "
            "palvelupyynnöllä.",
            "Den gemensamma bastun finns i källaren i trappa B. Damernas tur ons kl. 17–19 "
            "och lör kl. 16–18, herrarnas tur ons kl. 19–21 och lör kl. 18–20. Egna "
            "bastuturer (1 h) finns lediga mån, tis, tors och fre kl. 17–22; boka bastutur "
            "med en servicebegäran i invånarportalen.",
            "The shared sauna is in the basement of staircase B. Women's turn Wed 5–7 pm "
            "and Sat 4–6 pm, men's turn Wed 7–9 pm and Sat 6–8 pm. Private sauna slots "
            "(1 h) are free on Mon, Tue, Thu and Fri 5–10 pm; book one with a service "
            "request in the Resident Portal.",
        ),
        laundry_times=loc(
            "Pesutupa on A-portaan kellarissa, käytössä ma–la klo 7–21. Varaa vuoro "
            "pesutuvan oven vieressä olevasta sähköisestä varaustaulusta omalla "
            "avaimellasi; vuoro kestää 3 tuntia. Kuivaushuone on vapaasti käytettävissä. "
            "Mattoja saa tampata pihan mattotelineellä arkisin klo 8–20.",
            "Tvättstugan finns i källaren i trappa A och används mån–lör kl. 7–21. Boka tur "
            "på den elektroniska bokningstavlan vid tvättstugans dörr med din egen nyckel; "
            "en tur är 3 timmar. Torkrummet är fritt att använda. Mattor får piskas på "
            "mattställningen på gården vardagar kl. 8–20.",
            "The laundry room is in the basement of staircase A, open Mon–Sat 7 am–9 pm. "
            "Book a slot with your own key on the electronic booking board next to the "
            "laundry room door; a slot is 3 hours. The drying room is free to use. Rugs "
            "may be beaten on the rack in the yard on weekdays 8 am–8 pm.",
        ),
        waste_sorting=loc(
            "Jätekatos on pihan pohjoispäädyssä. Lajittele biojäte (ruoantähteet, "
            "kahvinporot, talouspaperi), kartonki (puhtaat ja litistetyt pakkaukset), lasi "
            "(pullot ja purkit), metalli (säilyketölkit, kannet, tyhjät aerosolipullot), "
            "muovi (puhtaat muovipakkaukset), paperi ja sekajäte omiin astioihinsa. "
            "Huonekalut ja muut suuret esineet eivät kuulu jätekatokseen: vie ne "
            "Sortti-asemalle. Paristot ja lamput kauppojen keräyspisteisiin, vanhat "
            "lääkkeet apteekkiin.",
            "Soptaket finns i gårdens norra ände. Sortera bioavfall (matrester, "
            "kaffesump, hushållspapper), kartong (rena och tillplattade förpackningar), "
            "glas (flaskor och burkar), metall (konservburkar, lock, tomma sprayflaskor), "
            "plast (rena plastförpackningar), papper och blandavfall i egna kärl. Möbler "
            "och andra stora föremål hör inte hemma i soptaket: för dem till en "
            "Sortti-station. Batterier och lampor till butikernas insamlingspunkter, gamla "
            "läkemedel till apoteket.",
            "The waste shelter is at the north end of the yard. Sort biowaste (food "
            "scraps, coffee grounds, kitchen paper), cardboard (clean, flattened "
            "packaging), glass (bottles and jars), metal (tins, lids, empty aerosol cans), "
            "plastic (clean plastic packaging), paper and mixed waste into their own bins. "
            "Furniture and other bulky items do not belong in the waste shelter: take them "
            "to a Sortti station. Batteries and lamps go to collection points in shops, old "
            "medicines to a pharmacy.",
        ),
        units=(
            _unit("A 1", 1, "1h+kk", 29.5),
            _unit("A 4", 2, "2h+k", 51.0),
            _unit("A 9", 3, "3h+k", 72.5),
            _unit("A 14", 5, "2h+k", 51.0),
            _unit("A 20", 7, "3h+k+s", 78.0),
            _unit("B 23", 1, "1h+k", 34.0),
            _unit("B 27", 2, "2h+k", 55.5),
            _unit("B 31", 4, "3h+k", 72.5),
            _unit("B 36", 6, "4h+k+s", 91.5),
            _unit("B 40", 8, "2h+k", 55.5),
        ),
    )


def _vuosaari() -> DemoProperty:
    # Deliberately no English in this property's own texts (the fallback shows Finnish).
    return DemoProperty(
        key=VUOSAARI,
        region_key=EAST,
        name="Vuosaaren Merituuli",
        street_address=loc("Kallvikintie 25", "Kallviksvägen 25"),
        postal_code="00980",
        city=dict(HELSINKI),
        district=loc("Vuosaari", "Nordsjö"),
        year_built=1992,
        floors=5,
        heating=loc("Kaukolämpö", "Fjärrvärme"),
        description=loc(
            "Vuosaaren Merituuli on vuonna 1992 valmistunut viisikerroksinen kerrostalo "
            "Kallvikintien varrella, kävelymatkan päässä Aurinkolahden rannasta ja "
            "Vuosaaren metroasemalta. Kaikissa asunnoissa on parveke, ja osassa isoista "
            "asunnoista on oma sauna. Talossa on hissit, kerhohuone, pesutupa ja "
            "ulkoiluvälinevarasto. Vesikatto uusittiin vuonna 2021.",
            "Vuosaaren Merituuli är ett flervåningshus i fem våningar från 1992 vid "
            "Kallviksvägen, på gångavstånd från stranden i Solviken och Nordsjö "
            "metrostation. Alla bostäder har balkong och en del av de större bostäderna har "
            "egen bastu. Huset har hissar, klubbrum, tvättstuga och förråd för "
            "friluftsredskap. Yttertaket förnyades 2021.",
        ),
        emergency_phone="+358 40 000 0102",
        maintenance_company_name="Kiinteistöpalvelu Malli Oy",
        maintenance_company_phone="+358 9 000 0202",
        maintenance_company_email="kiinteistopalvelu.malli@example.fi",
        house_manager_name="Jari Peltonen",
        house_manager_phone="+358 40 000 0312",
        house_manager_email="jari.peltonen@example.fi",
        sauna_times=loc(
            "Talosaunassa on yhteisvuorot: naiset ti klo 18–20, miehet to klo 18–20. "
            "Omia saunavuoroja on vapaana ma, ke ja pe; varaa saunavuoro asukasportaalin "
            "palvelupyynnöllä. Lauteilla istutaan omalla laudeliinalla.",
            "Husbastun har gemensamma turer: damer tis kl. 18–20, herrar tors kl. 18–20. "
            "Egna bastuturer finns lediga mån, ons och fre; boka bastutur med en "
            "servicebegäran i invånarportalen. Använd eget sittunderlag på laven.",
        ),
        laundry_times=loc(
            "Pesutupa on A-portaan pohjakerroksessa, käytössä päivittäin klo 7–22. Varaus "
            "pesutuvan varauslistaan; merkitse vuoroon asuntosi numero.",
            "Tvättstugan finns i bottenvåningen i trappa A och används dagligen kl. 7–22. "
            "Boka på bokningslistan i tvättstugan; skriv din bostads nummer på turen.",
        ),
        waste_sorting=loc(
            "Jätehuone on B-portaan päädyssä. Lajittele biojäte, kartonki, lasi, metalli, "
            "muovi, paperi ja sekajäte. Litistä pahvilaatikot ennen kuin laitat ne "
            "kartonkiastiaan. Isot esineet vie Sortti-asemalle.",
            "Soprummet finns i ändan av trappa B. Sortera bioavfall, kartong, glas, "
            "metall, plast, papper och blandavfall. Platta till kartonger innan du lägger "
            "dem i kartongkärlet. Stora föremål för du till en Sortti-station.",
        ),
        units=(
            _unit("A 2", 1, "2h+k", 54.0),
            _unit("A 6", 2, "3h+k+s", 79.5),
            _unit("A 11", 4, "1h+k", 36.5),
            _unit("B 15", 1, "2h+k", 58.0),
            _unit("B 19", 3, "3h+k", 74.0),
            _unit("B 24", 5, "4h+k+s", 96.0),
        ),
    )


def _herttoniemi() -> DemoProperty:
    # Deliberately: sauna_times only in Finnish, laundry_times without English.
    return DemoProperty(
        key=HERTTONIEMI,
        region_key=EAST,
        name="Siilitien Honkapiha",
        street_address=loc("Siilitie 11", "Igelkottsvägen 11", "Siilitie 11"),
        postal_code="00800",
        city=dict(HELSINKI),
        district=loc("Herttoniemi", "Hertonäs", "Herttoniemi"),
        year_built=1956,
        floors=3,
        heating=loc("Kaukolämpö", "Fjärrvärme", "District heating"),
        description=loc(
            "Siilitien Honkapiha on vuonna 1956 valmistunut kolmikerroksinen "
            "lamellitalo männikön keskellä, Siilitien metroaseman lähellä. Talossa ei ole "
            "hissiä. Asunnot on peruskorjattu vuonna 2012, jolloin uusittiin myös "
            "kylpyhuoneet ja ilmanvaihto. Talon kellarissa on pesutupa, kuivaushuone, "
            "sauna ja irtaimistovarastot.",
            "Siilitien Honkapiha är ett lamellhus i tre våningar från 1956, mitt i en "
            "tallskog nära metrostationen Igelkottsvägen. Huset har ingen hiss. Bostäderna "
            "grundrenoverades 2012, då också badrummen och ventilationen förnyades. I "
            "källaren finns tvättstuga, torkrum, bastu och lösöresförråd.",
            "Siilitien Honkapiha is a three-storey building from 1956 among pine trees, "
            "close to Siilitie metro station. There is no elevator. The homes were "
            "renovated in 2012, including new bathrooms and ventilation. The basement has "
            "a laundry room, a drying room, a sauna and storage rooms.",
        ),
        emergency_phone="+358 40 000 0103",
        maintenance_company_name="Huoltoesimerkki Oy",
        maintenance_company_phone="+358 9 000 0201",
        maintenance_company_email="huoltoesimerkki@example.fi",
        house_manager_name="Tuula Lehtinen",
        house_manager_phone="+358 40 000 0311",
        house_manager_email="tuula.lehtinen@example.fi",
        sauna_times=loc(
            "Kellarin saunassa on vapaita saunavuoroja ti, to ja su klo 17–21. Saunavuoron "
            "voi varata kuukaudeksi kerrallaan asukasportaalin palvelupyynnöllä. "
            "Yhteisvuoro kaikille la klo 16–18.",
        ),
        laundry_times=loc(
            "Pesutupa on käytössä ma–pe klo 8–20 ja la klo 9–15. Varaa vuoro pesutuvan "
            "oven varauslistasta. Muista puhdistaa koneiden nukkasihdit käytön jälkeen.",
            "Tvättstugan används mån–fre kl. 8–20 och lör kl. 9–15. Boka tur på listan på "
            "tvättstugans dörr. Kom ihåg att rengöra maskinernas luddfilter efter "
            "användningen.",
        ),
        waste_sorting=loc(
            "Jätekatos on pihalla pysäköintipaikan vieressä. Lajittele biojäte, kartonki, "
            "lasi, metalli, muovi, paperi ja sekajäte. Vaaralliset jätteet, kuten maalit ja "
            "liuottimet, vie Sortti-asemalle.",
            "Soptaket finns på gården bredvid parkeringen. Sortera bioavfall, kartong, "
            "glas, metall, plast, papper och blandavfall. Farligt avfall, som färger och "
            "lösningsmedel, för du till en Sortti-station.",
            "The waste shelter is in the yard next to the car park. Sort biowaste, "
            "cardboard, glass, metal, plastic, paper and mixed waste. Take hazardous waste, "
            "such as paints and solvents, to a Sortti station.",
        ),
        units=(
            _unit("A 1", 1, "1h+k", 33.0),
            _unit("A 3", 2, "2h+k", 47.5),
            _unit("A 5", 3, "2h+k", 47.5),
            _unit("B 7", 1, "3h+k", 66.0),
            _unit("B 9", 2, "1h+kk", 26.5),
            _unit("B 12", 3, "3h+k", 66.0),
        ),
    )


def _kallio() -> DemoProperty:
    # Deliberately: no Swedish description and no Swedish waste sorting guidance.
    return DemoProperty(
        key=KALLIO,
        region_key=CENTRAL_WEST,
        name="Fleminginhovi",
        street_address=loc("Fleminginkatu 22", "Flemingsgatan 22", "Fleminginkatu 22"),
        postal_code="00530",
        city=dict(HELSINKI),
        district=loc("Kallio", "Berghäll", "Kallio"),
        year_built=1928,
        floors=6,
        heating=loc("Kaukolämpö", "Fjärrvärme", "District heating"),
        description=loc(
            "Fleminginhovi on vuonna 1928 valmistunut kuusikerroksinen kivitalo Kalliossa, "
            "lyhyen kävelymatkan päässä Sörnäisten metroasemalta. Kadunvarsirakennuksen "
            "A-rappu ja pihasiiven B-rappu rajaavat suojaisaa sisäpihaa. Talo on peruskorjattu "
            "vuonna 2010; porraskäytävien alkuperäiset kaiteet ja lasimaalaukset on "
            "säilytetty. Hissi on vain A-rapussa.",
            None,
            "Fleminginhovi is a six-storey stone building from 1928 in Kallio, a short walk "
            "from Sörnäinen metro station. Staircase A faces the street and staircase B is "
            "in the courtyard wing around a sheltered inner yard. The building was "
            "renovated in 2010; the original stairwell railings and stained-glass windows "
            "were kept. Only staircase A has an elevator.",
        ),
        emergency_phone="+358 40 000 0104",
        maintenance_company_name="Keskustan Esimerkkihuolto Oy",
        maintenance_company_phone="+358 9 000 0203",
        maintenance_company_email="esimerkkihuolto@example.fi",
        house_manager_name="Camilla Åberg",
        house_manager_phone="+358 40 000 0313",
        house_manager_email="camilla.aberg@example.fi",
        sauna_times=loc(
            "Talon sauna on A-rapun ullakkokerroksessa. Omia saunavuoroja ma–pe klo "
            "17–22, yhteisvuoro la klo 15–17 (naiset) ja 17–19 (miehet). Varaa saunavuoro "
            "asukasportaalin palvelupyynnöllä.",
            "Husets bastu finns på vindsvåningen i trappa A. Egna bastuturer mån–fre kl. "
            "17–22, gemensam tur lör kl. 15–17 (damer) och 17–19 (herrar). Boka bastutur "
            "med en servicebegäran i invånarportalen.",
            "The building's sauna is on the attic floor of staircase A. Private slots "
            "Mon–Fri 5–10 pm, shared turn Sat 3–5 pm (women) and 5–7 pm (men). Book a "
            "sauna slot with a service request in the Resident Portal.",
        ),
        laundry_times=loc(
            "Pesutupa on B-rapun kellarissa, käytössä ma–la klo 7–21. Varaus sähköisestä "
            "varaustaulusta omalla avaimella. Kuivaushuone vapaasti käytettävissä.",
            "Tvättstugan finns i källaren i trappa B och används mån–lör kl. 7–21. Boka på "
            "den elektroniska bokningstavlan med din egen nyckel. Torkrummet är fritt att "
            "använda.",
            "The laundry room is in the basement of staircase B, open Mon–Sat 7 am–9 pm. "
            "Book on the electronic booking board with your own key. The drying room is "
            "free to use.",
        ),
        waste_sorting=loc(
            "Jätehuone on sisäpihalla B-rapun vieressä. Lajittele biojäte, kartonki, lasi, "
            "metalli, muovi, paperi ja sekajäte omiin astioihinsa. Sisäpiha on ahdas: älä "
            "jätä mitään astioiden viereen. Isot esineet vie Sortti-asemalle.",
            None,
            "The waste room is in the inner yard next to staircase B. Sort biowaste, "
            "cardboard, glass, metal, plastic, paper and mixed waste into their own bins. "
            "The yard is narrow: do not leave anything next to the bins. Take bulky items "
            "to a Sortti station.",
        ),
        units=(
            _unit("A 3", 2, "1h+k", 31.0),
            _unit("A 8", 3, "2h+k", 52.5),
            _unit("A 12", 5, "3h+k", 83.0),
            _unit("B 16", 1, "1h+kk", 24.5),
            _unit("B 19", 3, "2h+k", 44.0),
            _unit("B 23", 6, "3h+k+s", 88.0),
        ),
    )


def _jatkasaari() -> DemoProperty:
    return DemoProperty(
        key=JATKASAARI,
        region_key=CENTRAL_WEST,
        name="Jätkäsaaren Majakka",
        street_address=loc("Välimerenkatu 14", "Medelhavsgatan 14", "Välimerenkatu 14"),
        postal_code="00220",
        city=dict(HELSINKI),
        district=loc("Jätkäsaari", "Busholmen", "Jätkäsaari"),
        year_built=2016,
        floors=8,
        heating=loc(
            "Kaukolämpö ja poistoilman lämmöntalteenotto",
            "Fjärrvärme och värmeåtervinning ur frånluften",
            "District heating with exhaust-air heat recovery",
        ),
        description=loc(
            "Jätkäsaaren Majakka on vuonna 2016 valmistunut kahdeksankerroksinen "
            "kerrostalo Hyväntoivonpuiston laidalla, muutaman minuutin kävelymatkan päässä "
            "raitiovaunupysäkiltä. "
            "Kaikissa asunnoissa on lasitettu parveke, ja ylimmän kerroksen asunnoissa on "
            "oma sauna. Talossa on yhteinen kattoterassi, kerhohuone ja pyörävarasto "
            "sisäpihan alla.",
            "Jätkäsaaren Majakka är ett flervåningshus i åtta våningar från 2016 intill "
            "Godahoppsparken, några minuters promenad från spårvagnshållplatsen. Alla bostäder har "
            "inglasad balkong och bostäderna i översta våningen har egen bastu. Huset har "
            "en gemensam takterrass, ett klubbrum och ett cykelförråd under innergården.",
            "Jätkäsaaren Majakka is an eight-storey apartment building completed in 2016 "
            "beside Hyväntoivonpuisto park, a few minutes' walk from the tram stop. All "
            "homes have a glazed balcony and the top-floor homes have their own sauna. "
            "There is a shared roof terrace, a club room and bike storage under the "
            "courtyard.",
        ),
        emergency_phone="+358 40 000 0105",
        maintenance_company_name="Keskustan Esimerkkihuolto Oy",
        maintenance_company_phone="+358 9 000 0203",
        maintenance_company_email="esimerkkihuolto@example.fi",
        house_manager_name="Camilla Åberg",
        house_manager_phone="+358 40 000 0313",
        house_manager_email="camilla.aberg@example.fi",
        sauna_times=loc(
            "Kattokerroksen saunassa on omia saunavuoroja joka päivä klo 16–22. Varaa "
            "saunavuoro asukasportaalin palvelupyynnöllä. Kattoterassi on asukkaiden "
            "käytössä klo 8–22.",
            "I bastun på takvåningen finns egna bastuturer varje dag kl. 16–22. Boka "
            "bastutur med en servicebegäran i invånarportalen. Takterrassen står till de "
            "boendes förfogande kl. 8–22.",
            "The sauna on the roof floor has private slots every day 4–10 pm. Book a sauna "
            "slot with a service request in the Resident Portal. The roof terrace is open "
            "to residents 8 am–10 pm.",
        ),
        laundry_times=loc(
            "Pesutupa on B-portaan pohjakerroksessa, käytössä päivittäin klo 7–22. Varaa "
            "vuoro sähköisestä varaustaulusta omalla avaimellasi.",
            "Tvättstugan finns i bottenvåningen i trappa B och används dagligen kl. 7–22. "
            "Boka tur på den elektroniska bokningstavlan med din egen nyckel.",
            "The laundry room is on the ground floor of staircase B, open daily "
            "7 am–10 pm. Book a slot on the electronic booking board with your own key.",
        ),
        waste_sorting=loc(
            "Jätkäsaaressa on jätteen putkikeräys: sekajäte, biojäte, paperi ja kartonki "
            "viedään pihan syöttöpisteisiin, joista ne imetään putkia pitkin alueen "
            "jäteasemalle. Lasi, metalli ja muovi viedään B-portaan jätehuoneeseen. Älä "
            "laita syöttöpisteisiin isoja pahvilaatikoita: ne tukkivat putken.",
            "På Busholmen finns ett sopsugssystem: blandavfall, bioavfall, papper och "
            "kartong läggs i inkastpunkterna på gården och sugs längs rör till områdets "
            "avfallsstation. Glas, metall och plast förs till soprummet i trappa B. Lägg "
            "inte stora kartonger i inkastpunkterna: de täpper till röret.",
            "Jätkäsaari has pneumatic waste collection: mixed waste, biowaste, paper and "
            "cardboard go into the inlets in the yard and travel through pipes to the "
            "area's waste station. Glass, metal and plastic go to the waste room of "
            "staircase B. Do not put large cardboard boxes into the inlets: they block the "
            "pipe.",
        ),
        units=(
            _unit("A 4", 2, "1h+kt", 32.5),
            _unit("A 9", 3, "2h+kt", 46.0),
            _unit("A 15", 5, "3h+k", 71.5),
            _unit("A 22", 8, "3h+k+s", 76.0),
            _unit("B 27", 2, "2h+k", 53.0),
            _unit("B 33", 4, "3h+k", 69.5),
            _unit("B 38", 6, "4h+k+s", 88.5),
            _unit("B 44", 8, "2h+kt", 49.0),
        ),
    )


def properties() -> tuple[DemoProperty, ...]:
    return (_kontula(), _vuosaari(), _herttoniemi(), _kallio(), _jatkasaari())
