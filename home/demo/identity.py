"""Who publishes the demo portal: the organisation's name, its footer, its contact point, and the pages
the footer links to (the legal notice, the rules that govern partnerships, the site map). The privacy
notice is a programme page (pages.py). The organisation and the rules are invented for the demo."""

from .text import T

ORGANISATION_NAME = T(
    en="International Police Cooperation Organisation",
    fr="Organisation internationale de coopération policière",
    es="Organización Internacional de Cooperación Policial",
    ar="المنظمة الدولية للتعاون الشرطي",
)

CONTACT_EMAIL = "partnerships@example.org"

FOOTER_ABOUT = T(
    en="This portal publishes how the organisation works with private-sector partners: who they are, what they contribute and how each partnership was checked. Every record shown here was approved by a transparency reviewer.",
    fr="Ce portail présente la manière dont l'Organisation collabore avec ses partenaires du secteur privé : qui ils sont, ce qu'ils apportent et comment chaque partenariat a été contrôlé. Chaque fiche affichée ici a été approuvée par un examinateur chargé de la transparence.",
    es="Este portal da a conocer cómo colabora la Organización con sus socios del sector privado: quiénes son, qué aportan y cómo se verificó cada asociación. Cada registro que aparece aquí ha sido aprobado por un revisor de transparencia.",
    ar="تعرض هذه البوابة كيف تتعاون المنظمة مع شركائها من القطاع الخاص: من هم، وما الذي يقدّمونه، وكيف جرى التحقق من كل شراكة. وقد وافق أحد مراجعي الشفافية على كل سجل يظهر هنا.",
)

# The footer's links to the rules: (label, the English slug of the page it points to).
FOOTER_RULES = [
    (
        T(
            en="Rules on partnerships and contributions",
            fr="Règles applicables aux partenariats et aux contributions",
            es="Normas sobre asociaciones y contribuciones",
            ar="القواعد الخاصة بالشراكات والمساهمات",
        ),
        "partnership-rules",
    ),
    (
        T(
            en="The three due-diligence criteria",
            fr="Les trois critères de diligence raisonnable",
            es="Los tres criterios de diligencia debida",
            ar="معايير العناية الواجبة الثلاثة",
        ),
        "transparency",
    ),
]

RULES_SLUG = "partnership-rules"


def _section(heading, paragraph):
    return [("heading", {"text": heading, "level": "h2"}), ("paragraph", [paragraph])]


RULES_PAGE = {
    # What the transparency page calls "our own specific regulations", and the footer links to.
    "slug": T(
        en=RULES_SLUG,
        fr="regles-des-partenariats",
        es="normas-de-las-asociaciones",
        ar=RULES_SLUG,
    ),
    "in_menu": False,
    "title": T(
        en="Rules on partnerships and contributions",
        fr="Règles applicables aux partenariats et aux contributions",
        es="Normas sobre asociaciones y contribuciones",
        ar="القواعد الخاصة بالشراكات والمساهمات",
    ),
    "introduction": T(
        en="The rules the organisation set itself for working with the private sector, in short: who decides, what is checked, what may be accepted and what is published.",
        fr="Les règles que l'Organisation s'est fixées pour travailler avec le secteur privé, en bref : qui décide, ce qui est vérifié, ce qui peut être accepté et ce qui est publié.",
        es="Las normas que la Organización se ha fijado para trabajar con el sector privado, en resumen: quién decide, qué se verifica, qué puede aceptarse y qué se publica.",
        ar="القواعد التي وضعتها المنظمة لنفسها للعمل مع القطاع الخاص، باختصار: من يقرّر، وما الذي يُتحقق منه، وما الذي يجوز قبوله، وما الذي يُنشر.",
    ),
    "body": [
        *_section(
            T(
                en="Accepting a contribution",
                fr="Accepter une contribution",
                es="Aceptar una contribución",
                ar="قبول المساهمة",
            ),
            T(
                en="A contribution is accepted only in writing, under an agreement that states its purpose, its value or an estimate of it, and how it will be used. A contribution may never buy influence over police cooperation, access to data or a say in the organisation's decisions.",
                fr="Une contribution n'est acceptée que par écrit, dans le cadre d'un accord qui précise son objet, sa valeur ou une estimation de celle-ci, et l'usage qui en sera fait. Une contribution ne peut jamais servir à acheter une influence sur la coopération policière, un accès à des données ou un droit de regard sur les décisions de l'Organisation.",
                es="Una contribución solo se acepta por escrito, mediante un acuerdo que indica su finalidad, su valor o una estimación de este y el uso que se le dará. Una contribución nunca puede servir para obtener influencia sobre la cooperación policial, acceso a datos o voz en las decisiones de la Organización.",
                ar="لا تُقبل المساهمة إلا كتابةً، بموجب اتفاق يحدد غرضها وقيمتها أو تقديرًا لها وكيفية استخدامها. ولا يجوز أبدًا أن تُتخذ المساهمة وسيلةً لشراء نفوذ في التعاون الشرطي أو للوصول إلى البيانات أو للتأثير في قرارات المنظمة.",
            ),
        ),
        *_section(
            T(
                en="Checking every partner",
                fr="Contrôler chaque partenaire",
                es="Verificar a cada socio",
                ar="التحقق من كل شريك",
            ),
            T(
                en="Before any agreement, a transparency reviewer checks the partner against the three criteria, screens it against sanctions lists and weighs the risks. The review is repeated before it falls due, and again whenever something new comes to light.",
                fr="Avant tout accord, un examinateur chargé de la transparence vérifie le partenaire au regard des trois critères, le confronte aux listes de sanctions et évalue les risques. L'examen est renouvelé avant son échéance, et chaque fois qu'un fait nouveau apparaît.",
                es="Antes de cualquier acuerdo, un revisor de transparencia comprueba al socio con arreglo a los tres criterios, lo coteja con las listas de sanciones y sopesa los riesgos. El examen se repite antes de su vencimiento y cada vez que sale a la luz un hecho nuevo.",
                ar="قبل إبرام أي اتفاق، يتحقق أحد مراجعي الشفافية من الشريك وفقًا للمعايير الثلاثة، ويطابقه مع قوائم العقوبات، ويقدّر المخاطر. وتُعاد المراجعة قبل حلول موعدها، وكلما ظهر أمر جديد.",
            ),
        ),
        *_section(
            T(
                en="Publishing what was agreed",
                fr="Publier ce qui a été convenu",
                es="Publicar lo acordado",
                ar="نشر ما جرى الاتفاق عليه",
            ),
            T(
                en="Every approved partner and every contribution is published on this portal in four languages, with the results of its review. The reasons behind a decision, the sanctions screening and the risk assessment stay internal.",
                fr="Chaque partenaire approuvé et chaque contribution sont publiés sur ce portail en quatre langues, avec les résultats de leur examen. Les motifs d'une décision, le contrôle au regard des sanctions et l'évaluation des risques restent internes.",
                es="Cada socio aprobado y cada contribución se publican en este portal en cuatro idiomas, con los resultados de su examen. Los motivos de una decisión, el cotejo con las listas de sanciones y la evaluación de riesgos siguen siendo internos.",
                ar="يُنشر كل شريك تمت الموافقة عليه وكل مساهمة على هذه البوابة بأربع لغات، مع نتائج مراجعتهما. أما أسباب القرار وفحص قوائم العقوبات وتقييم المخاطر فتبقى داخلية.",
            ),
        ),
        *_section(
            T(
                en="Ending a partnership",
                fr="Mettre fin à un partenariat",
                es="Poner fin a una asociación",
                ar="إنهاء الشراكة",
            ),
            T(
                en="If a partner no longer meets the criteria, the partnership is suspended or ended and the register says so. Contributions already received are accounted for as agreed.",
                fr="Si un partenaire ne remplit plus les critères, le partenariat est suspendu ou prend fin, et le registre l'indique. Les contributions déjà reçues sont comptabilisées comme convenu.",
                es="Si un socio deja de cumplir los criterios, la asociación se suspende o se da por terminada, y el registro lo indica. Las contribuciones ya recibidas se contabilizan según lo acordado.",
                ar="إذا لم يعد الشريك مستوفيًا للمعايير، تُعلَّق الشراكة أو تُنهى ويُشار إلى ذلك في السجل. وتُقيَّد المساهمات التي سبق تلقيها وفقًا لما اتُّفق عليه.",
            ),
        ),
    ],
}

LEGAL_NOTICE_PAGE = {
    "slug": T(en="legal-notice", fr="mentions-legales", es="aviso-legal", ar="legal-notice"),
    "in_menu": False,
    "title": T(en="Legal notice", fr="Mentions légales", es="Aviso legal", ar="إشعار قانوني"),
    "introduction": T(
        en="Who publishes this portal, on what terms its content may be reused, and how to reach us.",
        fr="Qui publie ce portail, à quelles conditions son contenu peut être réutilisé, et comment nous joindre.",
        es="Quién publica este portal, en qué condiciones puede reutilizarse su contenido y cómo ponerse en contacto con nosotros.",
        ar="من ينشر هذه البوابة، وبأي شروط يمكن إعادة استخدام محتواها، وكيف يمكن التواصل معنا.",
    ),
    "body": [
        *_section(
            T(en="Publisher", fr="Éditeur", es="Editor", ar="الناشر"),
            T(
                en="This portal is published by the organisation's partnerships team, which is responsible for its content. It is a demonstration: the organisation, its partners and their contributions are invented.",
                fr="Ce portail est publié par l'équipe des partenariats de l'Organisation, qui est responsable de son contenu. Il s'agit d'une démonstration : l'Organisation, ses partenaires et leurs contributions sont fictifs.",
                es="Este portal lo publica el equipo de asociaciones de la Organización, que es responsable de su contenido. Se trata de una demostración: la Organización, sus socios y sus contribuciones son ficticios.",
                ar="ينشر هذه البوابة فريق الشراكات في المنظمة، وهو المسؤول عن محتواها. وهي بوابة تجريبية: فالمنظمة وشركاؤها ومساهماتهم من نسج الخيال.",
            ),
        ),
        *_section(
            T(
                en="Reusing the content",
                fr="Réutilisation du contenu",
                es="Reutilización del contenido",
                ar="إعادة استخدام المحتوى",
            ),
            T(
                en="You may copy, share and reuse the texts and the register's data, as long as you name the portal as their source and do not suggest that the organisation endorses your use. Partners' names and logos remain theirs.",
                fr="Vous pouvez copier, partager et réutiliser les textes et les données du registre, à condition de citer le portail comme source et de ne pas laisser entendre que l'Organisation approuve l'usage que vous en faites. Les noms et logos des partenaires restent leur propriété.",
                es="Puede copiar, compartir y reutilizar los textos y los datos del registro, siempre que cite el portal como fuente y no dé a entender que la Organización respalda el uso que haga de ellos. Los nombres y logotipos de los socios siguen siendo de su propiedad.",
                ar="يجوز لكم نسخ النصوص وبيانات السجل ومشاركتها وإعادة استخدامها، شريطة ذكر البوابة مصدرًا لها وعدم الإيحاء بأن المنظمة تؤيد استخدامكم لها. وتظل أسماء الشركاء وشعاراتهم ملكًا لهم.",
            ),
        ),
        *_section(
            T(en="Accuracy", fr="Exactitude", es="Exactitud", ar="دقة المعلومات"),
            T(
                en="We check every record before it is published and correct mistakes as soon as we learn of them. Each page says when it was last updated; the register's downloads say when each record was published.",
                fr="Nous vérifions chaque fiche avant sa publication et corrigeons les erreurs dès que nous en avons connaissance. Chaque page indique la date de sa dernière mise à jour ; les téléchargements du registre indiquent la date de publication de chaque fiche.",
                es="Verificamos cada registro antes de publicarlo y corregimos los errores en cuanto tenemos conocimiento de ellos. Cada página indica cuándo se actualizó por última vez; las descargas del registro indican cuándo se publicó cada registro.",
                ar="نتحقق من كل سجل قبل نشره ونصحّح الأخطاء فور علمنا بها. وتبيّن كل صفحة تاريخ آخر تحديث لها، وتبيّن ملفات السجل المتاحة للتنزيل تاريخ نشر كل سجل.",
            ),
        ),
        *_section(
            T(en="Contact", fr="Contact", es="Contacto", ar="التواصل"),
            T(
                en="For any question about a partnership or about this portal, write to the partnerships team at the address given at the foot of every page.",
                fr="Pour toute question sur un partenariat ou sur ce portail, écrivez à l'équipe des partenariats à l'adresse indiquée au bas de chaque page.",
                es="Para cualquier pregunta sobre una asociación o sobre este portal, escriba al equipo de asociaciones a la dirección que figura al pie de cada página.",
                ar="لأي استفسار بشأن شراكة ما أو بشأن هذه البوابة، يُرجى مراسلة فريق الشراكات على العنوان المذكور أسفل كل صفحة.",
            ),
        ),
    ],
}

SITE_MAP = {
    "model": "home.SitemapPage",
    "slug": T(en="site-map", fr="plan-du-site", es="mapa-del-sitio", ar="site-map"),
    # Linked from every page's footer, not from the main menu.
    "in_menu": False,
    "title": T(en="Site map", fr="Plan du site", es="Mapa del sitio", ar="خريطة الموقع"),
    "introduction": T(
        en="Every page of this portal in English, and the partner directory and the register by cooperation area.",
        fr="Toutes les pages de ce portail en français, ainsi que l'annuaire des partenaires et le registre par domaine de coopération.",
        es="Todas las páginas de este portal en español, y el directorio de socios y el registro por ámbito de cooperación.",
        ar="جميع صفحات هذه البوابة باللغة العربية، ودليل الشركاء والسجل مصنّفَين حسب مجال التعاون.",
    ),
}

# The call to action that links the transparency page's "own specific regulations" to the rules.
RULES_CALL_TO_ACTION = (
    "call_to_action",
    {
        "heading": T(
            en="The rules we follow",
            fr="Les règles que nous appliquons",
            es="Las normas que aplicamos",
            ar="القواعد التي نلتزم بها",
        ),
        "text": T(
            en="How contributions are accepted, how partners are checked, what is published and when a partnership ends.",
            fr="Comment les contributions sont acceptées, comment les partenaires sont contrôlés, ce qui est publié et quand un partenariat prend fin.",
            es="Cómo se aceptan las contribuciones, cómo se verifica a los socios, qué se publica y cuándo termina una asociación.",
            ar="كيف تُقبل المساهمات، وكيف يُتحقق من الشركاء، وما الذي يُنشر، ومتى تنتهي الشراكة.",
        ),
        "page": RULES_SLUG,
        "link_text": T(
            en="Read the rules on partnerships",
            fr="Lire les règles applicables aux partenariats",
            es="Leer las normas sobre asociaciones",
            ar="اقرأ القواعد الخاصة بالشراكات",
        ),
    },
)
