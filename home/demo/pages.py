"""The programme pages of the demo site, written for this portal from the programme's published facts.

English is the source; the French, Spanish and Arabic texts are the translations that `load_demo`
feeds through wagtail-localize. Rich text is kept to plain paragraphs and list items so that each one
is a single translation segment.
"""

from .identity import LEGAL_NOTICE_PAGE, RULES_CALL_TO_ACTION, RULES_PAGE
from .text import T

HOME = {
    # The home page's slug never shows in a URL: each language's home is served at /<lang>/.
    "slug": T(en="home", fr="home", es="home", ar="home"),
    "title": T(
        en="Working with the private sector",
        fr="Collaborer avec le secteur privé",
        es="Colaboración con el sector privado",
        ar="العمل مع القطاع الخاص",
    ),
    "introduction": T(
        en="We join forces with companies, foundations and non-profit organisations to bring expertise, technology and resources to the problems that police services and the public face. This portal shows who our partners are, what they contribute and how every partnership is checked.",
        fr="Nous unissons nos forces à celles d'entreprises, de fondations et d'organisations à but non lucratif afin de mobiliser expertise, technologies et ressources face aux problèmes que rencontrent les services de police et le public. Ce portail présente nos partenaires, leurs contributions et la manière dont chaque partenariat est contrôlé.",
        es="Aunamos esfuerzos con empresas, fundaciones y entidades sin fines de lucro para aportar experiencia, tecnología y recursos a la solución de los problemas que afrontan los servicios policiales y la ciudadanía. Este portal muestra quiénes son nuestros socios, qué aportan y cómo se verifica cada asociación.",
        ar="نتعاون مع الشركات والمؤسسات الخيرية والمنظمات غير الربحية لتسخير الخبرات والتكنولوجيا والموارد في معالجة المشكلات التي تواجهها أجهزة الشرطة والجمهور. وتعرض هذه البوابة هوية شركائنا وما يقدّمونه من مساهمات وكيفية التحقق من كل شراكة.",
    ),
    "body": [
        (
            "key_messages",
            {
                "heading": T(
                    en="Why we partner",
                    fr="Pourquoi nous nouons des partenariats",
                    es="Por qué colaboramos con socios",
                    ar="لماذا نقيم الشراكات",
                ),
                "messages": [
                    {
                        "title": T(
                            en="Filling the gaps",
                            fr="Combler les lacunes",
                            es="Cubrir las carencias",
                            ar="سدّ الثغرات",
                        ),
                        "text": T(
                            en="Partners supply services and specialist knowledge that we could not otherwise offer our member countries.",
                            fr="Nos partenaires fournissent des services et des connaissances spécialisées que nous ne pourrions pas offrir autrement à nos pays membres.",
                            es="Los socios prestan servicios y aportan conocimientos especializados que, sin ellos, no estaríamos en condiciones de ofrecer a nuestros países miembros.",
                            ar="يقدّم الشركاء خدمات ومعارف متخصصة ما كان بوسعنا أن نوفّرها لبلداننا الأعضاء لولاهم.",
                        ),
                    },
                    {
                        "title": T(
                            en="Seeing threats sooner",
                            fr="Détecter les menaces plus tôt",
                            es="Detectar antes las amenazas",
                            ar="رصد التهديدات في وقت أبكر",
                        ),
                        "text": T(
                            en="Private companies often hold the most precise picture of cyber-attacks, their victims and the threats behind them.",
                            fr="Les entreprises privées disposent souvent de la vision la plus précise des cyberattaques, de leurs victimes et des menaces qui les sous-tendent.",
                            es="Con frecuencia, son las empresas privadas las que tienen la visión más exacta de los ciberataques, de sus víctimas y de las amenazas que los originan.",
                            ar="كثيرًا ما تمتلك الشركات الخاصة الصورة الأدق عن الهجمات السيبرانية وضحاياها والتهديدات الكامنة وراءها.",
                        ),
                    },
                    {
                        "title": T(
                            en="Accountable by design",
                            fr="La responsabilité au cœur du dispositif",
                            es="La rendición de cuentas como principio",
                            ar="المساءلة في صميم عملنا",
                        ),
                        "text": T(
                            en="Every prospective partner goes through due diligence, and every contribution is accepted under our own rules and published here.",
                            fr="Chaque partenaire potentiel fait l'objet d'une procédure de diligence raisonnable, et chaque contribution est acceptée conformément à nos propres règles puis publiée sur ce portail.",
                            es="Todo posible socio se somete a un examen de diligencia debida, y cada contribución se acepta con arreglo a nuestras propias normas y se publica en este portal.",
                            ar="يخضع كل شريك محتمل لإجراءات العناية الواجبة، وتُقبل كل مساهمة وفقًا لقواعدنا الخاصة وتُنشر على هذه البوابة.",
                        ),
                    },
                ],
            },
        ),
        (
            "programme_pages",
            {
                "heading": T(
                    en="About the programme",
                    fr="À propos du programme",
                    es="Acerca del programa",
                    ar="نبذة عن البرنامج",
                )
            },
        ),
        (
            # Counted from the approved records each time the page is shown: nothing to retype.
            "programme_figures",
            {
                "heading": T(
                    en="The programme in figures",
                    fr="Le programme en chiffres",
                    es="El programa en cifras",
                    ar="البرنامج بالأرقام",
                )
            },
        ),
        (
            "key_facts",
            {
                "title": T(en="At a glance", fr="En bref", es="De un vistazo", ar="لمحة سريعة"),
                "facts": [
                    {
                        "figure": T(en="2", fr="2", es="2", ar="٢"),
                        "text": T(
                            en="kinds of partner: for-profit companies and non-profit organisations",
                            fr="types de partenaires : entreprises à but lucratif et organisations à but non lucratif",
                            es="tipos de socios: empresas con fines de lucro y organizaciones sin fines de lucro",
                            ar="نوعان من الشركاء: الشركات الربحية والمنظمات غير الربحية",
                        ),
                    },
                    {
                        "figure": T(en="3", fr="3", es="3", ar="٣"),
                        "text": T(
                            en="due-diligence criteria that every partner and every contribution must meet",
                            fr="critères de diligence raisonnable que chaque partenaire et chaque contribution doivent remplir",
                            es="criterios de diligencia debida que deben cumplir todos los socios y todas las contribuciones",
                            ar="معايير للعناية الواجبة يتعيّن أن يستوفيها كل شريك وكل مساهمة",
                        ),
                    },
                    {
                        "figure": T(en="4", fr="4", es="4", ar="٤"),
                        "text": T(
                            en="official languages in which everything on this portal is published",
                            fr="langues officielles dans lesquelles l'ensemble du contenu de ce portail est publié",
                            es="idiomas oficiales en los que se publica todo el contenido de este portal",
                            ar="لغات رسمية يُنشر بها كل محتوى هذه البوابة",
                        ),
                    },
                ],
            },
        ),
        (
            "call_to_action",
            {
                "heading": T(
                    en="Interested in becoming a partner?",
                    fr="Vous souhaitez devenir partenaire ?",
                    es="¿Le interesa convertirse en socio?",
                    ar="هل ترغبون في أن تصبحوا شركاء؟",
                ),
                "text": T(
                    en="Read who can apply, the criteria we check and what happens after you get in touch.",
                    fr="Découvrez qui peut présenter une candidature, les critères que nous examinons et les étapes qui suivent votre prise de contact.",
                    es="Consulte quién puede presentar una solicitud, qué criterios verificamos y qué sucede una vez que se pone en contacto con nosotros.",
                    ar="اطّلعوا على الجهات التي يحق لها التقدّم بطلب، والمعايير التي نتحقق منها، والخطوات التي تلي تواصلكم معنا.",
                ),
                "page": "apply",
                "link_text": T(
                    en="How to apply",
                    fr="Comment présenter une candidature",
                    es="Cómo presentar una solicitud",
                    ar="كيفية التقدّم بطلب",
                ),
            },
        ),
    ],
}

# Children of the home page, in menu order. "slug" is per language; the apply page keeps one slug
# everywhere because /<lang>/apply/ is a published address.
PROGRAMME_PAGES = [
    {
        "slug": T(
            en="collaboration-programme",
            fr="programme-de-collaboration",
            es="programa-de-colaboracion",
            ar="collaboration-programme",
        ),
        "title": T(
            en="The collaboration programme",
            fr="Le programme de collaboration",
            es="El programa de colaboración",
            ar="برنامج التعاون",
        ),
        "introduction": T(
            en="We work with for-profit and non-profit organisations to share specialist knowledge, technology and resources in the service of law enforcement and of society as a whole.",
            fr="Nous travaillons avec des organisations à but lucratif et à but non lucratif pour partager connaissances spécialisées, technologies et ressources au service des forces de l'ordre et de la société dans son ensemble.",
            es="Trabajamos junto a entidades con y sin fines de lucro para poner en común saber especializado, tecnología y recursos al servicio de los organismos encargados de la aplicación de la ley y de toda la sociedad.",
            ar="نعمل مع المنظمات الربحية وغير الربحية على تبادل المعارف المتخصصة والتكنولوجيا والموارد خدمةً لأجهزة إنفاذ القانون وللمجتمع بأسره.",
        ),
        "body": [
            (
                "heading",
                {
                    "text": T(
                        en="Who we work with",
                        fr="Avec qui nous travaillons",
                        es="Con quién trabajamos",
                        ar="الجهات التي نتعاون معها",
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    T(
                        en="Our partners range from technology companies to corporate and philanthropic foundations, business associations, universities and research institutes, and non-governmental organisations.",
                        fr="Nos partenaires sont aussi bien des entreprises technologiques que des fondations d'entreprise et philanthropiques, des associations professionnelles, des universités et instituts de recherche ou des organisations non gouvernementales.",
                        es="Entre nuestros socios figuran desde empresas tecnológicas hasta fundaciones corporativas y filantrópicas, asociaciones empresariales, universidades e institutos de investigación, así como organizaciones no gubernamentales.",
                        ar="يتنوع شركاؤنا بين شركات التكنولوجيا، ومؤسسات الشركات والمؤسسات الخيرية، والجمعيات التجارية، والجامعات ومعاهد البحوث، والمنظمات غير الحكومية.",
                    ),
                    T(
                        en="Working with the private sector lets us close gaps: it brings our member countries essential services and technical know-how that we could not provide on our own.",
                        fr="Travailler avec le secteur privé nous permet de combler des lacunes : nos pays membres bénéficient ainsi de services essentiels et d'un savoir-faire technique que nous ne pourrions pas leur fournir seuls.",
                        es="La cooperación con el sector privado nos permite suplir carencias: gracias a ella, nuestros países miembros reciben servicios esenciales y saber técnico que no estaríamos en condiciones de prestar por nuestra cuenta.",
                        ar="يتيح لنا العمل مع القطاع الخاص سدّ الثغرات، إذ يوفّر لبلداننا الأعضاء خدمات أساسية ودراية تقنية ما كان بوسعنا تقديمها بمفردنا.",
                    ),
                ],
            ),
            (
                "heading",
                {
                    "text": T(
                        en="What a contribution can be",
                        fr="Les formes que peut prendre une contribution",
                        es="Qué forma puede tener una contribución",
                        ar="أشكال المساهمة",
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    T(
                        en="Some partners give money, but most cooperation takes another form:",
                        fr="Certains partenaires apportent des fonds, mais la coopération prend le plus souvent une autre forme :",
                        es="Algunos socios aportan fondos, pero la mayor parte de la cooperación se materializa de otra manera:",
                        ar="يقدّم بعض الشركاء أموالًا، غير أن معظم أشكال التعاون تتخذ صورًا أخرى:",
                    ),
                    [
                        T(
                            en="specialists seconded to work with our teams;",
                            fr="des spécialistes détachés auprès de nos équipes ;",
                            es="especialistas en comisión de servicio que trabajan con nuestros equipos;",
                            ar="خبراء منتدَبون للعمل مع فرقنا؛",
                        ),
                        T(
                            en="software licences;",
                            fr="des licences de logiciels ;",
                            es="licencias de programas informáticos;",
                            ar="تراخيص البرمجيات؛",
                        ),
                        T(
                            en="the use of equipment;",
                            fr="la mise à disposition d'équipements ;",
                            es="la cesión de uso de equipos;",
                            ar="استخدام المعدات؛",
                        ),
                        T(
                            en="the use of buildings and other premises;",
                            fr="la mise à disposition de bâtiments et d'autres locaux ;",
                            es="la cesión de edificios y otras instalaciones;",
                            ar="استخدام المباني وغيرها من المرافق؛",
                        ),
                        T(
                            en="other donations in kind, such as training or services given free of charge.",
                            fr="d'autres dons en nature, tels que des formations ou des services fournis gratuitement.",
                            es="otras donaciones en especie, como formación o servicios prestados de forma gratuita.",
                            ar="تبرعات عينية أخرى، مثل التدريب أو الخدمات المقدَّمة مجانًا.",
                        ),
                    ],
                ],
            ),
            (
                "quote",
                {
                    "text": T(
                        en="Whatever its form, every contribution goes through the same rigorous selection before we accept it.",
                        fr="Quelle que soit sa forme, toute contribution fait l'objet de la même sélection rigoureuse avant d'être acceptée.",
                        es="Independientemente de su forma, toda contribución se somete al mismo examen riguroso antes de que la aceptemos.",
                        ar="أيًّا كان شكل المساهمة، فإنها تخضع لعملية الاختيار الصارمة ذاتها قبل أن نقبلها.",
                    ),
                    "attribution": T(en="", fr="", es="", ar=""),
                    "style": "callout",
                },
            ),
            (
                "call_to_action",
                {
                    "heading": T(
                        en="See how partnerships are checked",
                        fr="Découvrez comment les partenariats sont contrôlés",
                        es="Descubra cómo se examinan las asociaciones",
                        ar="تعرّفوا على كيفية التحقق من الشراكات",
                    ),
                    "text": T(
                        en="Due diligence, acceptance rules and publication: the safeguards behind every partnership.",
                        fr="Diligence raisonnable, règles d'acceptation et publication : les garanties qui encadrent chaque partenariat.",
                        es="Diligencia debida, normas de aceptación y publicación: las salvaguardias en las que se apoya cada asociación.",
                        ar="العناية الواجبة وقواعد القبول والنشر: الضمانات التي تستند إليها كل شراكة.",
                    ),
                    "page": "transparency",
                    "link_text": T(
                        en="Transparency and accountability",
                        fr="Transparence et responsabilité",
                        es="Transparencia y rendición de cuentas",
                        ar="الشفافية والمساءلة",
                    ),
                },
            ),
        ],
    },
    {
        "slug": T(en="mutual-benefits", fr="avantages-mutuels", es="beneficios-mutuos", ar="mutual-benefits"),
        "title": T(
            en="Mutual benefits", fr="Avantages mutuels", es="Beneficios recíprocos", ar="المنافع المتبادلة"
        ),
        "introduction": T(
            en="Cooperation works when both sides gain from it. Here is what partnerships bring to the law-enforcement community and what they bring to our partners.",
            fr="La coopération porte ses fruits lorsque les deux parties y trouvent leur compte. Voici ce que les partenariats apportent à la communauté des services chargés de l'application de la loi, et ce qu'ils apportent à nos partenaires.",
            es="La cooperación da resultado cuando ambas partes salen ganando. A continuación se expone lo que las asociaciones aportan a la comunidad de las fuerzas del orden y lo que aportan a nuestros socios.",
            ar="ينجح التعاون حين يعود بالنفع على الطرفين. وفيما يلي ما تقدّمه الشراكات لمجتمع أجهزة إنفاذ القانون وما تقدّمه لشركائنا.",
        ),
        "body": [
            (
                "heading",
                {
                    "text": T(
                        en="For our member countries and the organisation",
                        fr="Pour nos pays membres et l'Organisation",
                        es="Para nuestros países miembros y la Organización",
                        ar="بالنسبة إلى بلداننا الأعضاء والمنظمة",
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    T(
                        en="Private companies follow new technologies and solutions closely. Through our partners we can put them to work for member countries and the wider law-enforcement community, in fields such as ballistics, biometric identification and cybersecurity, among many others.",
                        fr="Les entreprises privées suivent de près les nouvelles technologies et solutions. Grâce à nos partenaires, nous pouvons les mettre au service des pays membres et de l'ensemble de la communauté des forces de l'ordre, dans des domaines tels que la balistique, l'identification biométrique et la cybersécurité, parmi bien d'autres.",
                        es="Las empresas privadas siguen de cerca la evolución de las tecnologías y soluciones innovadoras. Por medio de nuestros socios, podemos aprovecharlas en favor de los países miembros y del conjunto de las fuerzas del orden en ámbitos como la balística, la identificación biométrica o la ciberseguridad, entre otros muchos.",
                        ar="تتابع الشركات الخاصة التقنيات والحلول الجديدة عن كثب. ومن خلال شركائنا، يمكننا تسخيرها لخدمة البلدان الأعضاء ومجتمع أجهزة إنفاذ القانون على نطاق أوسع، في مجالات مثل علم المقذوفات والتعرّف على الهوية بالقياسات الحيوية والأمن السيبراني، وغيرها الكثير.",
                    ),
                    T(
                        en="Experience shows that the private sector usually holds more precise information on cyber threats, their victims and the attacks themselves than police services do. Sharing that information is essential to a global response, above all in the aftermath of an attack.",
                        fr="L'expérience montre que le secteur privé dispose généralement d'informations plus précises que les services de police sur les cybermenaces, leurs victimes et les attaques elles-mêmes. Le partage de ces informations est indispensable à une riposte mondiale, surtout au lendemain d'une attaque.",
                        es="Como demuestra la experiencia, las empresas del sector privado suelen contar con datos más exactos que los servicios policiales acerca de las ciberamenazas, de sus víctimas y de los propios ataques. Compartir esos datos resulta indispensable para dar una respuesta de alcance mundial, sobre todo tras producirse un ataque.",
                        ar="تُظهر التجربة أن القطاع الخاص يمتلك عادةً معلومات أدق مما لدى أجهزة الشرطة بشأن التهديدات السيبرانية وضحاياها والهجمات ذاتها. ويُعدّ تبادل هذه المعلومات أمرًا أساسيًا للتصدي لها على الصعيد العالمي، ولا سيما في أعقاب أي هجوم.",
                    ),
                ],
            ),
            (
                "area_partners",
                {
                    "heading": T(
                        en="Our partners in cybersecurity",
                        fr="Nos partenaires dans le domaine de la cybersécurité",
                        es="Nuestros socios en el ámbito de la ciberseguridad",
                        ar="شركاؤنا في مجال الأمن السيبراني",
                    ),
                    # A cooperation area's slug: the same in every language, so it is not translated.
                    "area": "cybersecurity",
                    "limit": 6,
                },
            ),
            (
                "heading",
                {
                    "text": T(
                        en="For our partners",
                        fr="Pour nos partenaires",
                        es="Para nuestros socios",
                        ar="بالنسبة إلى شركائنا",
                    ),
                    "level": "h2",
                },
            ),
            (
                "key_facts",
                {
                    "title": T(en="", fr="", es="", ar=""),
                    "facts": [
                        {
                            "figure": T(en="Network", fr="Réseau", es="Red", ar="شبكة"),
                            "text": T(
                                en="Access to a worldwide network of key players in law enforcement.",
                                fr="L'accès à un réseau mondial d'acteurs clés de l'application de la loi.",
                                es="Acceso a una red internacional que reúne a los principales actores del ámbito policial.",
                                ar="الوصول إلى شبكة عالمية من الجهات الفاعلة الرئيسية في مجال إنفاذ القانون.",
                            ),
                        },
                        {
                            "figure": T(en="Visibility", fr="Visibilité", es="Visibilidad", ar="حضور"),
                            "text": T(
                                en="Public recognition of what their contribution does for a safer world.",
                                fr="Une reconnaissance publique de l'apport de leur contribution à un monde plus sûr.",
                                es="Reconocimiento público de lo que su contribución aporta para hacer del mundo un lugar más seguro.",
                                ar="اعتراف علني بدور مساهمتهم في بناء عالم أكثر أمانًا.",
                            ),
                        },
                    ],
                },
            ),
        ],
    },
    {
        "slug": T(en="transparency", fr="transparence", es="transparencia", ar="transparency"),
        "title": T(
            en="Transparency and accountability",
            fr="Transparence et responsabilité",
            es="Transparencia y rendición de cuentas",
            ar="الشفافية والمساءلة",
        ),
        "introduction": T(
            en="Transparency and accountability come first. Strict safeguards make sure that every private-sector contribution, financial or otherwise, is properly managed.",
            fr="La transparence et la responsabilité passent avant tout. Des garanties strictes permettent de veiller à ce que chaque contribution du secteur privé, financière ou autre, soit gérée de manière appropriée.",
            es="Para nosotros, la transparencia y la rendición de cuentas son prioritarias. Mediante rigurosas salvaguardias velamos por la correcta gestión de cada contribución del sector privado, sea financiera o de cualquier otro tipo.",
            ar="تأتي الشفافية والمساءلة في مقدمة أولوياتنا. وتكفل ضمانات صارمة الإدارة السليمة لكل مساهمة يقدّمها القطاع الخاص، مالية كانت أم غير ذلك.",
        ),
        "body": [
            (
                "heading",
                {
                    "text": T(
                        en="Due diligence for every partner",
                        fr="Une diligence raisonnable pour chaque partenaire",
                        es="Diligencia debida aplicada a cada socio",
                        ar="العناية الواجبة إزاء كل شريك",
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    T(
                        en="Before we work with any private-sector organisation, we carry out a due-diligence review. The way we accept contributions is governed by our own specific regulations, and no partner appears on this portal until a reviewer has approved it.",
                        fr="Avant de collaborer avec toute organisation du secteur privé, nous procédons à un examen de diligence raisonnable. Les modalités d'acceptation des contributions sont régies par notre propre réglementation spécifique, et aucun partenaire ne figure sur ce portail tant qu'un examinateur ne l'a pas approuvé.",
                        es="Antes de iniciar cualquier colaboración con una entidad del sector privado, llevamos a cabo un examen de diligencia debida. La forma en que aceptamos contribuciones está sujeta a nuestra propia normativa específica, y ningún socio figura en este portal hasta que un revisor lo haya aprobado.",
                        ar="قبل أن نتعاون مع أي منظمة من القطاع الخاص، نُجري مراجعة في إطار العناية الواجبة. وتخضع طريقة قبولنا للمساهمات للوائح محددة خاصة بنا، ولا يظهر أي شريك على هذه البوابة إلا بعد أن يوافق عليه أحد المراجعين.",
                    ),
                ],
            ),
            RULES_CALL_TO_ACTION,
            (
                "heading",
                {
                    "text": T(
                        en="The three criteria",
                        fr="Les trois critères",
                        es="Los tres criterios",
                        ar="المعايير الثلاثة",
                    ),
                    "level": "h2",
                },
            ),
            (
                "key_facts",
                {
                    "title": T(
                        en="A review checks that:",
                        fr="L'examen vérifie que :",
                        es="El examen comprueba que:",
                        ar="تتحقق المراجعة من:",
                    ),
                    "facts": [
                        {
                            "figure": T(en="1", fr="1", es="1", ar="١"),
                            "text": T(
                                en="the partner, or prospective partner, shares the organisation's core values and principles;",
                                fr="le partenaire, ou partenaire potentiel, partage les valeurs et principes fondamentaux de l'Organisation ;",
                                es="el socio, actual o potencial, comparte los valores y principios esenciales de la Organización;",
                                ar="أن الشريك، أو الشريك المحتمل، يتقاسم مع المنظمة قيمها ومبادئها الأساسية؛",
                            ),
                        },
                        {
                            "figure": T(en="2", fr="2", es="2", ar="٢"),
                            "text": T(
                                en="the partner's activities are compatible with the organisation's principles, aims and activities;",
                                fr="les activités du partenaire sont compatibles avec les principes, les buts et les activités de l'Organisation ;",
                                es="las actividades que lleva a cabo el socio son compatibles con los principios, los objetivos y la labor de la Organización;",
                                ar="أن أنشطة الشريك تتوافق مع مبادئ المنظمة وأهدافها وأنشطتها؛",
                            ),
                        },
                        {
                            "figure": T(en="3", fr="3", es="3", ar="٣"),
                            "text": T(
                                en="the contribution will serve purposes compatible with those principles, aims and activities.",
                                fr="la contribution servira des fins compatibles avec ces principes, buts et activités.",
                                es="la contribución se destinará a fines acordes con dichos principios, objetivos y actividades.",
                                ar="أن المساهمة ستُستخدم لأغراض تتوافق مع تلك المبادئ والأهداف والأنشطة.",
                            ),
                        },
                    ],
                },
            ),
            (
                "heading",
                {
                    "text": T(
                        en="What we publish",
                        fr="Ce que nous publions",
                        es="Información que publicamos",
                        ar="ما ننشره",
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    T(
                        en="For every partner we publish the date of its due-diligence decision, the result for each of the three criteria and when the next review is due. The reviewers' reasoning, sanctions screening and risk assessment stay internal.",
                        fr="Pour chaque partenaire, nous publions la date de la décision de diligence raisonnable le concernant, le résultat obtenu pour chacun des trois critères et la date du prochain examen. Le raisonnement des examinateurs, la vérification au regard des sanctions et l'évaluation des risques restent internes.",
                        es="Respecto de cada socio, publicamos la fecha de la decisión de diligencia debida, el resultado obtenido en cada uno de los tres criterios y la fecha prevista para el siguiente examen. Los razonamientos de los revisores, la verificación de sanciones y la evaluación de riesgos son de uso interno.",
                        ar="ننشر بشأن كل شريك تاريخ قرار العناية الواجبة المتعلق به، ونتيجة كل معيار من المعايير الثلاثة، وموعد المراجعة التالية. أما تعليلات المراجعين وفحص قوائم العقوبات وتقييم المخاطر، فتبقى داخلية.",
                    ),
                ],
            ),
            (
                "latest_contributions",
                {
                    "heading": T(
                        en="The latest contributions on the register",
                        fr="Les dernières contributions inscrites au registre",
                        es="Las últimas contribuciones inscritas en el registro",
                        ar="أحدث المساهمات المُدرجة في السجل",
                    ),
                    "number": 5,
                },
            ),
        ],
    },
    {
        # The expression-of-interest form sits under this page's content.
        "model": "home.ApplyPage",
        "slug": T(en="apply", fr="apply", es="apply", ar="apply"),
        "title": T(
            en="How to apply",
            fr="Comment présenter une candidature",
            es="Cómo presentar una solicitud",
            ar="كيفية التقدّم بطلب",
        ),
        "introduction": T(
            en="Companies, foundations and non-profit organisations that want to support the work of law enforcement can propose a partnership. This page explains who can apply and what happens next.",
            fr="Les entreprises, fondations et organisations à but non lucratif qui souhaitent soutenir l'action des services chargés de l'application de la loi peuvent proposer un partenariat. Cette page indique qui peut présenter une candidature et comment se déroule la suite.",
            es="Las empresas, fundaciones y organizaciones sin fines de lucro que deseen apoyar la labor de las fuerzas del orden pueden proponer una asociación. En esta página se explica quién puede presentar una solicitud y cuáles son los pasos siguientes.",
            ar="يمكن للشركات والمؤسسات الخيرية والمنظمات غير الربحية الراغبة في دعم عمل أجهزة إنفاذ القانون أن تقترح إقامة شراكة. وتوضّح هذه الصفحة الجهات التي يحق لها التقدّم بطلب والخطوات التالية.",
        ),
        # The steps themselves are the page template's ("What happens next"), shown again on the
        # thank-you page; the editors own how long a reply takes.
        "reply_time": T(
            en="We reply to every expression of interest within four weeks.",
            fr="Nous répondons à chaque manifestation d'intérêt dans un délai de quatre semaines.",
            es="Respondemos a cada manifestación de interés en un plazo de cuatro semanas.",
            ar="نردّ على كل وثيقة إبداء اهتمام في غضون أربعة أسابيع.",
        ),
        "body": [
            (
                "heading",
                {
                    "text": T(
                        en="Who can apply",
                        fr="Qui peut présenter une candidature",
                        es="Quién puede presentar una solicitud",
                        ar="الجهات المؤهلة للتقدّم بطلب",
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    T(
                        en="Any for-profit or non-profit organisation can propose a partnership, whether it offers funding, staff, software, equipment, premises or another contribution in kind.",
                        fr="Toute organisation à but lucratif ou non lucratif peut proposer un partenariat, qu'elle offre un financement, du personnel, des logiciels, des équipements, des locaux ou toute autre contribution en nature.",
                        es="Cualquier organización, con o sin fines de lucro, puede proponer una asociación, ya ofrezca financiación, personal, software, equipos, instalaciones u otra contribución en especie.",
                        ar="يمكن لأي منظمة ربحية أو غير ربحية أن تقترح شراكة، سواء أكانت تعرض تمويلًا أم موظفين أم برمجيات أم معدات أم مرافق أم أي مساهمة عينية أخرى.",
                    ),
                ],
            ),
            (
                "heading",
                {
                    "text": T(
                        en="The three criteria we check",
                        fr="Les trois critères que nous examinons",
                        es="Los tres criterios que examinamos",
                        ar="المعايير الثلاثة التي نتحقق منها",
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    [
                        T(
                            en="Your organisation shares our core values and principles.",
                            fr="Votre organisation partage nos valeurs et nos principes fondamentaux.",
                            es="Su organización comparte nuestros valores y principios fundamentales.",
                            ar="أن تتقاسم منظمتكم قيمنا ومبادئنا الأساسية.",
                        ),
                        T(
                            en="What your organisation does is compatible with our principles, aims and activities.",
                            fr="Les activités de votre organisation sont compatibles avec nos principes, nos buts et nos activités.",
                            es="Las actividades de su organización son compatibles con nuestros principios, fines y actividades.",
                            ar="أن تكون أنشطة منظمتكم متوافقة مع مبادئنا وأهدافنا وأنشطتنا.",
                        ),
                        T(
                            en="The contribution you offer is meant for purposes that are compatible with them too.",
                            fr="La contribution que vous proposez est destinée à des fins elles aussi compatibles avec ceux-ci.",
                            es="La contribución que ofrece se destina a fines que también son compatibles con ellos.",
                            ar="أن تكون المساهمة التي تعرضونها مخصصة لأغراض تتوافق معها كذلك.",
                        ),
                    ],
                    T(
                        en="A transparency reviewer records a result for each criterion. If the partnership goes ahead, the decision date and the three results are published with your organisation; the reasoning behind them stays internal.",
                        fr="Un examinateur chargé de la transparence consigne un résultat pour chaque critère. Si le partenariat se concrétise, la date de la décision et les trois résultats sont publiés avec la fiche de votre organisation ; leur motivation reste interne.",
                        es="Un revisor encargado de la transparencia registra un resultado para cada criterio. Si la asociación sigue adelante, la fecha de la decisión y los tres resultados se publican junto con la ficha de su organización; los motivos se mantienen internos.",
                        ar="يسجّل أحد مراجعي الشفافية نتيجةً لكل معيار. وإذا مضت الشراكة قُدمًا، يُنشر تاريخ القرار والنتائج الثلاث مع بيانات منظمتكم، في حين تبقى الأسباب التي استندت إليها داخلية.",
                    ),
                ],
            ),
            (
                "heading",
                {
                    "text": T(
                        en="Your personal data",
                        fr="Vos données personnelles",
                        es="Sus datos personales",
                        ar="بياناتكم الشخصية",
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    T(
                        en="The names, e-mail address and telephone number you give us are used only to assess your proposal and to reply to you. Only the transparency reviewers read them; they are never published. If a proposal is declined, we delete it two years later. The privacy notice linked below the form explains your rights.",
                        fr="Les noms, l'adresse électronique et le numéro de téléphone que vous nous communiquez servent uniquement à évaluer votre proposition et à vous répondre. Seuls les examinateurs chargés de la transparence les consultent ; ils ne sont jamais publiés. Si une proposition n'est pas retenue, nous la supprimons deux ans plus tard. L'avis de confidentialité accessible sous le formulaire précise vos droits.",
                        es="Los nombres, la dirección de correo electrónico y el número de teléfono que nos facilite se utilizan únicamente para evaluar su propuesta y responderle. Solo los revisores encargados de la transparencia tienen acceso a ellos y nunca se publican. Si una propuesta se desestima, la eliminamos dos años después. El aviso de privacidad enlazado bajo el formulario explica sus derechos.",
                        ar="لا نستخدم الأسماء وعنوان البريد الإلكتروني ورقم الهاتف التي تزوّدوننا بها إلا لتقييم مقترحكم والرد عليكم. ولا يطّلع عليها سوى مراجعي الشفافية، ولا تُنشر أبدًا. وإذا رُفض المقترح، نحذفه بعد عامين. ويشرح إشعار الخصوصية المرتبط أسفل الاستمارة حقوقكم.",
                    ),
                ],
            ),
            (
                "quote",
                {
                    "text": T(
                        en="Sending an expression of interest does not commit you or us to anything: it starts a conversation.",
                        fr="L'envoi d'une manifestation d'intérêt ne vous engage à rien, pas plus qu'il ne nous engage : il ouvre simplement le dialogue.",
                        es="Enviar una manifestación de interés no supone ningún compromiso ni para usted ni para nosotros: es el inicio de un diálogo.",
                        ar="لا يترتب على إرسال وثيقة إبداء الاهتمام أي التزام عليكم أو علينا، بل هي بداية حوار.",
                    ),
                    "attribution": T(en="", fr="", es="", ar=""),
                    "style": "callout",
                },
            ),
        ],
    },
    {
        # The privacy notice the apply form links to (PartnershipSettings.privacy_page); not in the menu.
        "slug": T(en="privacy", fr="donnees-personnelles", es="datos-personales", ar="privacy"),
        "in_menu": False,
        "title": T(
            en="Personal data and privacy",
            fr="Données personnelles et confidentialité",
            es="Datos personales y privacidad",
            ar="البيانات الشخصية والخصوصية",
        ),
        "introduction": T(
            en="How we handle the personal data that prospective partners send us through this portal.",
            fr="Comment nous traitons les données personnelles que les partenaires potentiels nous transmettent par l'intermédiaire de ce portail.",
            es="Cómo tratamos los datos personales que los posibles socios nos envían a través de este portal.",
            ar="كيف نتعامل مع البيانات الشخصية التي يرسلها إلينا الشركاء المحتملون عبر هذه البوابة.",
        ),
        "body": [
            (
                "heading",
                {
                    "text": T(
                        en="What we collect",
                        fr="Ce que nous recueillons",
                        es="Qué datos recogemos",
                        ar="البيانات التي نجمعها",
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    T(
                        en="With an expression of interest we receive the name of a contact person, an e-mail address, an optional telephone number, and what you tell us about your organisation and your proposal. We keep a one-way fingerprint of the sender's internet address for an hour to stop automated submissions; the address itself is not stored.",
                        fr="Avec une manifestation d'intérêt, nous recevons le nom d'une personne de contact, une adresse électronique, un numéro de téléphone facultatif et ce que vous nous indiquez sur votre organisation et votre proposition. Pour bloquer les envois automatisés, nous conservons pendant une heure une empreinte irréversible de l'adresse internet de l'expéditeur ; l'adresse elle-même n'est pas enregistrée.",
                        es="Con una manifestación de interés recibimos el nombre de una persona de contacto, una dirección de correo electrónico, un número de teléfono opcional y lo que nos indique sobre su organización y su propuesta. Para impedir los envíos automatizados, conservamos durante una hora una huella irreversible de la dirección de internet del remitente; la dirección en sí no se almacena.",
                        ar="نتلقى مع وثيقة إبداء الاهتمام اسم شخص للتواصل وعنوان بريد إلكتروني ورقم هاتف اختياريًا، وما تخبروننا به عن منظمتكم ومقترحكم. ولمنع الإرسال الآلي، نحتفظ لمدة ساعة ببصمة غير قابلة للعكس لعنوان الإنترنت الخاص بالمرسل، دون تخزين العنوان نفسه.",
                    ),
                ],
            ),
            (
                "heading",
                {
                    "text": T(
                        en="Why, and who sees it",
                        fr="Pourquoi, et qui y a accès",
                        es="Para qué y quién accede a ellos",
                        ar="الغرض منها ومن يطّلع عليها",
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    T(
                        en="We use these data only to assess the proposal, to carry out due diligence and to reply. They are read by the organisation's transparency reviewers, are never shown on the portal and are not shared with other partners.",
                        fr="Nous utilisons ces données uniquement pour évaluer la proposition, procéder à l'examen de diligence raisonnable et vous répondre. Elles sont consultées par les examinateurs chargés de la transparence de l'Organisation, ne sont jamais affichées sur le portail et ne sont pas communiquées à d'autres partenaires.",
                        es="Utilizamos estos datos únicamente para evaluar la propuesta, llevar a cabo la diligencia debida y responderle. Los consultan los revisores encargados de la transparencia de la Organización; nunca se muestran en el portal ni se comparten con otros socios.",
                        ar="لا نستخدم هذه البيانات إلا لتقييم المقترح وإجراء العناية الواجبة والرد عليكم. ويطّلع عليها مراجعو الشفافية في المنظمة، ولا تُعرض أبدًا على البوابة ولا تُتقاسم مع شركاء آخرين.",
                    ),
                ],
            ),
            (
                "heading",
                {
                    "text": T(
                        en="How long we keep it",
                        fr="Durée de conservation",
                        es="Cuánto tiempo los conservamos",
                        ar="مدة الاحتفاظ بها",
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    T(
                        en="A declined proposal is deleted two years after it was sent. When a proposal leads to a partnership, the contact details are kept for as long as the partnership lasts, as part of its file.",
                        fr="Une proposition non retenue est supprimée deux ans après son envoi. Lorsqu'une proposition débouche sur un partenariat, les coordonnées sont conservées dans son dossier pendant toute la durée du partenariat.",
                        es="Una propuesta desestimada se elimina dos años después de su envío. Cuando una propuesta da lugar a una asociación, los datos de contacto se conservan en su expediente mientras dure la asociación.",
                        ar="يُحذف المقترح المرفوض بعد عامين من إرساله. وعندما يفضي المقترح إلى شراكة، يُحتفظ ببيانات الاتصال في ملفها طوال مدة الشراكة.",
                    ),
                ],
            ),
            (
                "heading",
                {
                    "text": T(en="Your rights", fr="Vos droits", es="Sus derechos", ar="حقوقكم"),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    T(
                        en="You may ask to see, correct or delete the data you sent by replying to the acknowledgement e-mail, quoting its reference number.",
                        fr="Vous pouvez demander à consulter, rectifier ou supprimer les données transmises en répondant au courriel d'accusé de réception et en rappelant son numéro de référence.",
                        es="Puede solicitar el acceso a los datos enviados, su rectificación o su supresión respondiendo al correo de acuse de recibo e indicando su número de referencia.",
                        ar="يمكنكم طلب الاطلاع على البيانات التي أرسلتموها أو تصحيحها أو حذفها بالرد على رسالة الإشعار بالاستلام مع ذكر رقمها المرجعي.",
                    ),
                ],
            ),
        ],
    },
    RULES_PAGE,
    LEGAL_NOTICE_PAGE,
]
