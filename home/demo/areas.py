"""The demo's cooperation areas, in the four content languages.

`of` is the area as the complement of a noun ("projects …", "the … team"), so titles can be composed
from phrase banks without breaking French elision, Spanish prepositions or the Arabic construct state:
English "cybersecurity", French "de cybersécurité" / "d'identification biométrique", Spanish
"de ciberseguridad", Arabic the definite noun phrase (used after a noun in a construct or after
«في مجال»).
"""

from .text import T

AREAS = [
    {
        "slug": "ballistics",
        "name": T(en="Ballistics", fr="Balistique", es="Balística", ar="علم المقذوفات"),
        "of": T(en="ballistics", fr="de balistique", es="de balística", ar="علم المقذوفات"),
        "description": T(
            en="Linking firearms, cartridge cases and bullets to crimes across borders.",
            fr="Établir des liens entre armes à feu, douilles, projectiles et infractions au-delà des frontières.",
            es="Vincular armas de fuego, casquillos y proyectiles con delitos más allá de las fronteras.",
            ar="ربط الأسلحة النارية والأظرف الفارغة والمقذوفات بالجرائم عبر الحدود.",
        ),
        "purpose": T(
            en="This contribution helps member countries link firearms, cartridge cases and crime scenes across borders.",
            fr="Cette contribution aide les pays membres à relier armes à feu, douilles et scènes de crime d'un pays à l'autre.",
            es="Esta contribución ayuda a los países miembros a vincular armas de fuego, casquillos y escenas del crimen de un país a otro.",
            ar="وتساعد هذه المساهمة البلدان الأعضاء على الربط بين الأسلحة النارية والأظرف الفارغة ومسارح الجرائم عبر الحدود.",
        ),
    },
    {
        "slug": "biometric-identification",
        "name": T(
            en="Biometric identification",
            fr="Identification biométrique",
            es="Identificación biométrica",
            ar="تحديد الهوية بالقياسات الحيوية",
        ),
        "of": T(
            en="biometric identification",
            fr="d'identification biométrique",
            es="de identificación biométrica",
            ar="تحديد الهوية بالقياسات الحيوية",
        ),
        "description": T(
            en="Fingerprints, facial images and DNA profiles that identify fugitives, victims and missing persons.",
            fr="Empreintes digitales, images faciales et profils ADN permettant d'identifier fugitifs, victimes et personnes disparues.",
            es="Huellas dactilares, imágenes faciales y perfiles de ADN que permiten identificar a prófugos, víctimas y personas desaparecidas.",
            ar="بصمات الأصابع وصور الوجه وسمات الحمض النووي التي تُستخدم في تحديد هوية الفارين والضحايا والمفقودين.",
        ),
        "purpose": T(
            en="This contribution strengthens the identification of fugitives and missing persons through fingerprints and facial images.",
            fr="Cette contribution renforce l'identification des fugitifs et des personnes disparues grâce aux empreintes digitales et aux images faciales.",
            es="Esta contribución refuerza la identificación de prófugos y personas desaparecidas mediante huellas dactilares e imágenes faciales.",
            ar="وتعزّز هذه المساهمة تحديد هوية الفارين من العدالة والمفقودين بالاستعانة ببصمات الأصابع وصور الوجه.",
        ),
    },
    {
        "slug": "cybersecurity",
        "name": T(en="Cybersecurity", fr="Cybersécurité", es="Ciberseguridad", ar="الأمن السيبراني"),
        "of": T(en="cybersecurity", fr="de cybersécurité", es="de ciberseguridad", ar="الأمن السيبراني"),
        "description": T(
            en="Detecting, investigating and preventing attacks on computer systems and networks.",
            fr="Détecter les attaques contre les systèmes et réseaux informatiques, enquêter sur elles et les prévenir.",
            es="Detectar, investigar y prevenir los ataques contra sistemas y redes informáticos.",
            ar="كشف الهجمات على الأنظمة والشبكات الحاسوبية والتحقيق فيها ومنعها.",
        ),
        "purpose": T(
            en="This contribution helps police services detect, investigate and prevent attacks on computer systems.",
            fr="Cette contribution aide les services de police à détecter les attaques contre les systèmes informatiques, à enquêter sur elles et à les prévenir.",
            es="Esta contribución ayuda a los servicios policiales a detectar, investigar y prevenir los ataques contra sistemas informáticos.",
            ar="وتساعد هذه المساهمة أجهزة الشرطة على كشف الهجمات على الأنظمة الحاسوبية والتحقيق فيها ومنعها.",
        ),
    },
    {
        "slug": "digital-forensics",
        "name": T(
            en="Digital forensics",
            fr="Criminalistique numérique",
            es="Análisis forense digital",
            ar="التحليل الجنائي الرقمي",
        ),
        "of": T(
            en="digital forensics",
            fr="de criminalistique numérique",
            es="de análisis forense digital",
            ar="التحليل الجنائي الرقمي",
        ),
        "description": T(
            en="Recovering and examining evidence from phones, computers, vehicles and online accounts.",
            fr="Récupérer et examiner les preuves contenues dans les téléphones, ordinateurs, véhicules et comptes en ligne.",
            es="Recuperar y examinar pruebas procedentes de teléfonos, ordenadores, vehículos y cuentas en línea.",
            ar="استخراج الأدلة من الهواتف والحواسيب والمركبات والحسابات الإلكترونية وفحصها.",
        ),
        "purpose": T(
            en="This contribution helps investigators recover and examine evidence from phones, computers and online accounts.",
            fr="Cette contribution aide les enquêteurs à récupérer et à examiner les preuves issues de téléphones, d'ordinateurs et de comptes en ligne.",
            es="Esta contribución ayuda a los investigadores a recuperar y examinar pruebas procedentes de teléfonos, ordenadores y cuentas en línea.",
            ar="وتساعد هذه المساهمة المحققين على استخراج الأدلة من الهواتف والحواسيب والحسابات الإلكترونية وفحصها.",
        ),
    },
    {
        "slug": "financial-crime",
        "name": T(
            en="Financial crime",
            fr="Criminalité financière",
            es="Delincuencia financiera",
            ar="الجرائم المالية",
        ),
        "of": T(
            en="financial crime",
            fr="de lutte contre la criminalité financière",
            es="de lucha contra la delincuencia financiera",
            ar="مكافحة الجرائم المالية",
        ),
        "description": T(
            en="Money laundering, fraud, corruption and the recovery of criminal assets.",
            fr="Blanchiment de capitaux, fraude, corruption et recouvrement des avoirs d'origine criminelle.",
            es="Blanqueo de capitales, fraude, corrupción y recuperación de activos de origen delictivo.",
            ar="غسل الأموال والاحتيال والفساد واسترداد الأصول المتأتية من الجريمة.",
        ),
        "purpose": T(
            en="This contribution supports investigations into money laundering and fraud, and the recovery of criminal assets.",
            fr="Cette contribution soutient les enquêtes sur le blanchiment de capitaux et la fraude, ainsi que le recouvrement des avoirs d'origine criminelle.",
            es="Esta contribución apoya las investigaciones sobre blanqueo de capitales y fraude, así como la recuperación de activos de origen delictivo.",
            ar="وتدعم هذه المساهمة التحقيقات في غسل الأموال والاحتيال واسترداد الأصول المتأتية من الجريمة.",
        ),
    },
    {
        "slug": "training-capacity-building",
        "name": T(
            en="Training and capacity building",
            fr="Formation et renforcement des capacités",
            es="Formación y desarrollo de capacidades",
            ar="التدريب وبناء القدرات",
        ),
        "of": T(
            en="training and capacity-building",
            fr="de formation et de renforcement des capacités",
            es="de formación y desarrollo de capacidades",
            ar="التدريب وبناء القدرات",
        ),
        "description": T(
            en="Courses, mentoring and equipment that give police services in member countries new skills.",
            fr="Cours, tutorat et équipements qui apportent de nouvelles compétences aux services de police des pays membres.",
            es="Cursos, tutorías y equipos que aportan nuevas competencias a los servicios policiales de los países miembros.",
            ar="دورات وبرامج توجيه ومعدات تُكسب أجهزة الشرطة في البلدان الأعضاء مهارات جديدة.",
        ),
        "purpose": T(
            en="This contribution builds the skills of police officers in the member countries that ask for support.",
            fr="Cette contribution renforce les compétences des policiers des pays membres qui demandent un soutien.",
            es="Esta contribución refuerza las competencias de los agentes de policía de los países miembros que solicitan apoyo.",
            ar="وتعزّز هذه المساهمة مهارات أفراد الشرطة في البلدان الأعضاء التي تطلب الدعم.",
        ),
    },
    {
        "slug": "maritime-security",
        "name": T(en="Maritime security", fr="Sûreté maritime", es="Seguridad marítima", ar="الأمن البحري"),
        "of": T(
            en="maritime security", fr="de sûreté maritime", es="de seguridad marítima", ar="الأمن البحري"
        ),
        "description": T(
            en="Piracy, smuggling at sea and the security of ports and shipping routes.",
            fr="Piraterie, contrebande en mer et sûreté des ports et des routes maritimes.",
            es="Piratería, contrabando en el mar y seguridad de los puertos y las rutas marítimas.",
            ar="القرصنة والتهريب في البحر وأمن الموانئ وخطوط الملاحة.",
        ),
        "purpose": T(
            en="This contribution supports police and coastguards fighting piracy and smuggling at sea.",
            fr="Cette contribution soutient les polices et les garde-côtes qui luttent contre la piraterie et la contrebande en mer.",
            es="Esta contribución apoya a las policías y los guardacostas que combaten la piratería y el contrabando en el mar.",
            ar="وتدعم هذه المساهمة أجهزة الشرطة وخفر السواحل في مكافحة القرصنة والتهريب في البحر.",
        ),
    },
    {
        "slug": "counter-terrorism",
        "name": T(
            en="Counter-terrorism",
            fr="Lutte contre le terrorisme",
            es="Lucha contra el terrorismo",
            ar="مكافحة الإرهاب",
        ),
        "of": T(
            en="counter-terrorism",
            fr="de lutte contre le terrorisme",
            es="de lucha contra el terrorismo",
            ar="مكافحة الإرهاب",
        ),
        "description": T(
            en="Identifying terrorists and foreign fighters, and preventing attacks.",
            fr="Identifier les terroristes et les combattants étrangers, et prévenir les attentats.",
            es="Identificar a terroristas y combatientes extranjeros, y prevenir atentados.",
            ar="تحديد هوية الإرهابيين والمقاتلين الأجانب ومنع الهجمات.",
        ),
        "purpose": T(
            en="This contribution supports member countries in identifying terrorists and preventing attacks.",
            fr="Cette contribution aide les pays membres à identifier les terroristes et à prévenir les attentats.",
            es="Esta contribución ayuda a los países miembros a identificar a terroristas y a prevenir atentados.",
            ar="وتساعد هذه المساهمة البلدان الأعضاء على تحديد هوية الإرهابيين ومنع الهجمات.",
        ),
    },
    {
        "slug": "environmental-crime",
        "name": T(
            en="Environmental crime",
            fr="Criminalité environnementale",
            es="Delincuencia ambiental",
            ar="الجرائم البيئية",
        ),
        "of": T(
            en="environmental crime",
            fr="de lutte contre la criminalité environnementale",
            es="de lucha contra la delincuencia ambiental",
            ar="مكافحة الجرائم البيئية",
        ),
        "description": T(
            en="Illegal logging and fishing, wildlife trafficking and pollution crime.",
            fr="Exploitation forestière et pêche illégales, trafic d'espèces sauvages et pollution criminelle.",
            es="Tala y pesca ilegales, tráfico de especies silvestres y delitos de contaminación.",
            ar="قطع الأشجار والصيد غير المشروعين والاتجار بالأحياء البرية وجرائم التلوث.",
        ),
        "purpose": T(
            en="This contribution supports investigations into illegal logging, wildlife trafficking and pollution crime.",
            fr="Cette contribution soutient les enquêtes sur l'exploitation forestière illégale, le trafic d'espèces sauvages et la pollution criminelle.",
            es="Esta contribución apoya las investigaciones sobre tala ilegal, tráfico de especies silvestres y delitos de contaminación.",
            ar="وتدعم هذه المساهمة التحقيقات في قطع الأشجار غير المشروع والاتجار بالأحياء البرية وجرائم التلوث.",
        ),
    },
    {
        "slug": "child-protection-online",
        "name": T(
            en="Child protection online",
            fr="Protection des enfants en ligne",
            es="Protección de la infancia en línea",
            ar="حماية الأطفال على الإنترنت",
        ),
        "of": T(
            en="child protection online",
            fr="de protection des enfants en ligne",
            es="de protección de la infancia en línea",
            ar="حماية الأطفال على الإنترنت",
        ),
        "description": T(
            en="Identifying victims of online child sexual abuse and bringing offenders to justice.",
            fr="Identifier les victimes d'abus sexuels commis sur des enfants en ligne et traduire les auteurs en justice.",
            es="Identificar a las víctimas de abusos sexuales a menores en línea y llevar a los autores ante la justicia.",
            ar="تحديد هوية ضحايا الاعتداء الجنسي على الأطفال عبر الإنترنت وتقديم الجناة إلى العدالة.",
        ),
        "purpose": T(
            en="This contribution helps identify victims of online child sexual abuse and bring offenders to justice.",
            fr="Cette contribution aide à identifier les victimes d'abus sexuels commis sur des enfants en ligne et à traduire les auteurs en justice.",
            es="Esta contribución ayuda a identificar a las víctimas de abusos sexuales a menores en línea y a llevar a los autores ante la justicia.",
            ar="وتساعد هذه المساهمة على تحديد هوية ضحايا الاعتداء الجنسي على الأطفال عبر الإنترنت وتقديم الجناة إلى العدالة.",
        ),
    },
    {
        "slug": "crisis-response",
        "name": T(
            en="Crisis response", fr="Réponse aux crises", es="Respuesta a crisis", ar="الاستجابة للأزمات"
        ),
        "of": T(
            en="crisis-response",
            fr="de réponse aux crises",
            es="de respuesta a crisis",
            ar="الاستجابة للأزمات",
        ),
        "description": T(
            en="Sending specialists quickly after disasters, attacks and other major incidents.",
            fr="Dépêcher rapidement des spécialistes après une catastrophe, un attentat ou tout autre incident majeur.",
            es="Enviar rápidamente especialistas tras catástrofes, atentados y otros incidentes graves.",
            ar="إيفاد المتخصصين على وجه السرعة في أعقاب الكوارث والهجمات وغيرها من الحوادث الكبرى.",
        ),
        "purpose": T(
            en="This contribution helps member countries respond quickly to disasters and major incidents.",
            fr="Cette contribution aide les pays membres à réagir rapidement aux catastrophes et aux incidents majeurs.",
            es="Esta contribución ayuda a los países miembros a responder con rapidez a catástrofes e incidentes graves.",
            ar="وتساعد هذه المساهمة البلدان الأعضاء على الاستجابة السريعة للكوارث والحوادث الكبرى.",
        ),
    },
    {
        "slug": "border-management",
        "name": T(
            en="Border management", fr="Gestion des frontières", es="Gestión de fronteras", ar="إدارة الحدود"
        ),
        "of": T(
            en="border-management",
            fr="de gestion des frontières",
            es="de gestión de fronteras",
            ar="إدارة الحدود",
        ),
        "description": T(
            en="Checking travel documents and identifying wanted persons at borders.",
            fr="Contrôler les documents de voyage et repérer les personnes recherchées aux frontières.",
            es="Verificar documentos de viaje e identificar a personas buscadas en las fronteras.",
            ar="التحقق من وثائق السفر وتحديد هوية المطلوبين عند المنافذ الحدودية.",
        ),
        "purpose": T(
            en="This contribution helps border officers check travel documents and identify wanted persons.",
            fr="Cette contribution aide les agents aux frontières à contrôler les documents de voyage et à repérer les personnes recherchées.",
            es="Esta contribución ayuda a los agentes de fronteras a verificar documentos de viaje e identificar a personas buscadas.",
            ar="وتساعد هذه المساهمة موظفي الحدود على التحقق من وثائق السفر وتحديد هوية المطلوبين.",
        ),
    },
]

AREA_SLUGS = [area["slug"] for area in AREAS]
