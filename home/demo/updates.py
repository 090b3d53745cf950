"""Demo news for /<lang>/updates/, written for this portal. English is the source; a T with an empty
translation is deliberately left untranslated in that language, to show the fallback."""

import datetime

from .text import T

UPDATES_INDEX = {
    "slug": T(en="updates", fr="updates", es="updates", ar="updates"),
    "title": T(en="Updates", fr="Actualités", es="Novedades", ar="المستجدات"),
    "introduction": T(
        en="News about the collaboration programme: new partnerships, contributions that reached their goal, and changes to how we work with the private sector.",
        fr="Actualités du programme de collaboration : nouveaux partenariats, contributions ayant atteint leur objectif et évolutions de nos modalités de travail avec le secteur privé.",
        es="Noticias sobre el programa de colaboración: nuevas asociaciones, contribuciones que han alcanzado su objetivo y cambios en nuestra forma de trabajar con el sector privado.",
        ar="أخبار برنامج التعاون: شراكات جديدة، ومساهمات حققت أهدافها، وتغييرات في أسلوب عملنا مع القطاع الخاص.",
    ),
}

# "areas" are cooperation-area slugs and "partners" partner slugs from the demo records; both are
# skipped when the demo records do not contain them.
UPDATES = [
    {
        "slug": "register-now-online",
        "date": datetime.date(2026, 11, 12),
        "title": T(
            en="The partnership register is now online in four languages",
            fr="Le registre des partenariats est désormais en ligne en quatre langues",
            es="El registro de asociaciones ya está disponible en línea en cuatro idiomas",
            ar="سجل الشراكات متاح الآن على الإنترنت بأربع لغات",
        ),
        "summary": T(
            en="Every approved partner and contribution can now be browsed, searched and downloaded in English, French, Spanish and Arabic.",
            fr="Tous les partenaires et toutes les contributions approuvés peuvent désormais être consultés, recherchés et téléchargés en anglais, en français, en espagnol et en arabe.",
            es="Todos los socios y contribuciones aprobados pueden ya consultarse, buscarse y descargarse en inglés, francés, español y árabe.",
            ar="أصبح بالإمكان الآن تصفّح جميع الشركاء والمساهمات المعتمدة والبحث فيها وتنزيلها باللغات الإنكليزية والفرنسية والإسبانية والعربية.",
        ),
        "paragraphs": [
            T(
                en="The register lists each partner that has passed due diligence, with the contributions it has made and the result of its review against our three criteria.",
                fr="Le registre recense chaque partenaire ayant satisfait à la procédure de diligence raisonnable, ainsi que les contributions qu'il a apportées et le résultat de son examen au regard de nos trois critères.",
                es="El registro recoge a cada socio que ha superado el proceso de diligencia debida, junto con las contribuciones que ha realizado y el resultado de su evaluación con arreglo a nuestros tres criterios.",
                ar="يدرج السجل كل شريك اجتاز إجراءات العناية الواجبة، مع المساهمات التي قدّمها ونتيجة تقييمه وفقاً لمعاييرنا الثلاثة.",
            ),
            T(
                en="Figures on this site are calculated from the approved records themselves, so they change as soon as a reviewer approves a new entry.",
                fr="Les chiffres présentés sur ce site sont calculés directement à partir des fiches approuvées ; ils évoluent donc dès qu'un examinateur approuve une nouvelle entrée.",
                es="Las cifras de este sitio se calculan a partir de los propios registros aprobados, por lo que cambian en cuanto un revisor aprueba una nueva entrada.",
                ar="تُحتسب الأرقام الواردة في هذا الموقع انطلاقاً من السجلات المعتمدة نفسها، ولذلك تتغير بمجرد أن يعتمد أحد المراجعين قيداً جديداً.",
            ),
        ],
        "areas": [],
        "partners": [],
    },
    {
        "slug": "forensic-laboratory-equipment",
        "date": datetime.date(2026, 10, 2),
        "title": T(
            en="New equipment for a regional forensic laboratory",
            fr="Nouveaux équipements pour un laboratoire régional de police scientifique",
            es="Nuevo equipamiento para un laboratorio forense regional",
            ar="معدات جديدة لمختبر إقليمي للأدلة الجنائية",
        ),
        "summary": T(
            en="A donation of ballistic comparison equipment will help investigators in member countries link firearms to crimes faster.",
            fr="Un don d'équipements de comparaison balistique aidera les enquêteurs des pays membres à établir plus rapidement le lien entre des armes à feu et des infractions.",
            es="Una donación de equipos de comparación balística ayudará a los investigadores de los países miembros a vincular con mayor rapidez las armas de fuego con los delitos.",
            ar="سيساعد تبرّع بمعدات للمقارنة الباليستية المحققين في البلدان الأعضاء على الربط بين الأسلحة النارية والجرائم بسرعة أكبر.",
        ),
        "paragraphs": [
            T(
                en="The equipment was accepted after a contribution-specific due-diligence review and will be installed in the coming months.",
                fr="Ces équipements ont été acceptés à l'issue d'un examen de diligence raisonnable propre à cette contribution et seront installés dans les prochains mois.",
                es="El equipamiento se aceptó tras una evaluación de diligencia debida específica para esta contribución y se instalará en los próximos meses.",
                ar="قُبلت هذه المعدات بعد إجراء تقييم للعناية الواجبة خاص بهذه المساهمة، وسيجري تركيبها خلال الأشهر المقبلة.",
            ),
        ],
        "areas": ["ballistics", "digital-forensics"],
        "partners": ["northwind-forensic-systems", "basaltline-ballistic-imaging"],
    },
    {
        "slug": "cyber-threat-information-sharing",
        "date": datetime.date(2026, 8, 20),
        "title": T(
            en="Sharing information on cyber threats",
            fr="Partage d'informations sur les cybermenaces",
            es="Intercambio de información sobre ciberamenazas",
            ar="تبادل المعلومات بشأن التهديدات السيبرانية",
        ),
        "summary": T(
            en="Two security companies now share what they see of major cyber-attacks with our analysts, under the programme's rules.",
            fr="Deux entreprises de sécurité communiquent désormais à nos analystes les informations dont elles disposent sur les cyberattaques d'envergure, conformément aux règles du programme.",
            es="Dos empresas de seguridad comparten ahora con nuestros analistas la información de que disponen sobre ciberataques de gran envergadura, conforme a las normas del programa.",
            ar="باتت شركتان من شركات الأمن تتبادلان مع محللينا ما ترصدانه من هجمات سيبرانية كبرى، وفقاً لقواعد البرنامج.",
        ),
        "paragraphs": [
            T(
                en="Private companies often see an attack before anyone else. Receiving that information quickly helps member countries respond together, especially in the hours after an attack.",
                fr="Les entreprises privées sont souvent les premières à détecter une attaque. Recevoir rapidement ces informations permet aux pays membres de réagir de manière concertée, en particulier dans les heures qui suivent une attaque.",
                es="Las empresas privadas suelen detectar un ataque antes que nadie. Recibir esa información con rapidez ayuda a los países miembros a responder de forma conjunta, sobre todo en las horas posteriores a un ataque.",
                ar="كثيراً ما تكون الشركات الخاصة أول من يرصد الهجوم. ويساعد تلقّي هذه المعلومات بسرعة البلدانَ الأعضاء على التصدي له بصورة مشتركة، ولا سيما في الساعات التي تلي الهجوم.",
            ),
        ],
        "areas": ["cybersecurity"],
        "partners": ["larkspur-cyber-defence"],
    },
    {
        "slug": "training-programme-completed",
        "date": datetime.date(2026, 6, 5),
        "title": T(
            en="A training programme for investigators comes to an end",
            fr="Fin d'un programme de formation destiné aux enquêteurs",
            es="Concluye un programa de formación para investigadores",
            ar="اختتام برنامج تدريبي للمحققين",
        ),
        "summary": T(
            en="More than two hundred investigators took part in courses on financial crime given free of charge by a partner foundation.",
            fr="Plus de deux cents enquêteurs ont suivi des cours sur la criminalité financière dispensés gratuitement par une fondation partenaire.",
            es="Más de doscientos investigadores participaron en cursos sobre delincuencia financiera impartidos gratuitamente por una fundación socia del programa.",
            ar="شارك أكثر من مئتي محقق في دورات بشأن الجرائم المالية قدّمتها مجاناً مؤسسة شريكة.",
        ),
        "paragraphs": [
            T(
                en="The contribution is now marked as completed in the register, where its value and duration can be consulted.",
                fr="La contribution figure désormais comme achevée dans le registre, où il est possible d'en consulter la valeur et la durée.",
                es="La contribución figura ahora como finalizada en el registro, donde pueden consultarse su valor y su duración.",
                ar="أصبحت هذه المساهمة مدرجة الآن في السجل بوصفها مكتملة، ويمكن الاطلاع فيه على قيمتها ومدتها.",
            ),
        ],
        "areas": ["financial-crime", "training-capacity-building"],
        "partners": ["quillon-ledger-intelligence"],
    },
    {
        "slug": "periodic-reviews-2026",
        "date": datetime.date(2026, 4, 14),
        "title": T(
            en="Periodic due-diligence reviews for 2026",
            fr="Examens périodiques de diligence raisonnable pour 2026",
            es="Evaluaciones periódicas de diligencia debida para 2026",
            ar="التقييمات الدورية للعناية الواجبة لعام 2026",
        ),
        "summary": T(
            en="Partners are reviewed again at regular intervals. This year's round of periodic reviews has begun.",
            fr="Les partenaires font l'objet d'un nouvel examen à intervalles réguliers. La campagne d'examens périodiques de cette année a commencé.",
            es="Los socios se someten a una nueva evaluación a intervalos regulares. Ya ha comenzado la ronda de evaluaciones periódicas de este año.",
            ar="يخضع الشركاء لإعادة التقييم على فترات منتظمة. وقد بدأت جولة التقييمات الدورية لهذا العام.",
        ),
        "paragraphs": [
            T(
                en="Each partner's page shows when its next review is due. A partner whose review is negative leaves the public register, together with its contributions.",
                fr="La page de chaque partenaire indique la date de son prochain examen. Un partenaire dont l'examen est défavorable est retiré du registre public, de même que ses contributions.",
                es="La página de cada socio indica cuándo corresponde su próxima evaluación. El socio cuya evaluación resulte negativa se retira del registro público, junto con sus contribuciones.",
                ar="تبيّن صفحة كل شريك موعد تقييمه التالي. ويُحذف الشريك الذي يُسفر تقييمه عن نتيجة سلبية من السجل العام، هو ومساهماته.",
            ),
        ],
        "areas": [],
        "partners": [],
    },
    {
        "slug": "biometrics-software-licences",
        "date": datetime.date(2026, 2, 23),
        "title": T(
            en="Software licences for biometric identification",
            fr="Licences logicielles pour l'identification biométrique",
            es="Licencias de software para la identificación biométrica",
            ar="تراخيص برمجيات لتحديد الهوية بالقياسات الحيوية",
        ),
        "summary": T(
            en="A technology company has provided licences for fingerprint and face comparison software to support identification work.",
            fr="Une entreprise technologique a fourni des licences de logiciels de comparaison d'empreintes digitales et de comparaison faciale pour appuyer les travaux d'identification.",
            es="Una empresa tecnológica ha proporcionado licencias de software de comparación dactilar y facial para apoyar las labores de identificación.",
            ar="قدّمت شركة تكنولوجية تراخيص لبرمجيات مقارنة بصمات الأصابع والوجوه دعماً لأعمال تحديد الهوية.",
        ),
        "paragraphs": [
            T(
                en="The licences are recorded as an in-kind contribution, measured in licence seats, with an estimated value declared by the donor.",
                fr="Ces licences sont enregistrées en tant que contribution en nature, exprimée en postes de licence, avec une valeur estimée déclarée par le donateur.",
                es="Las licencias se registran como contribución en especie, cuantificada en puestos de licencia, con un valor estimado declarado por el donante.",
                ar="سُجّلت هذه التراخيص بوصفها مساهمة عينية تُقاس بعدد مقاعد الترخيص، مع قيمة تقديرية أعلنها المانح.",
            ),
        ],
        "areas": ["biometric-identification"],
        "partners": ["kestrel-biometrics"],
    },
    {
        "slug": "open-data-downloads",
        "date": datetime.date(2025, 12, 9),
        "title": T(
            en="Download the register as open data",
            fr="Téléchargez le registre sous forme de données ouvertes",
            es="Descargue el registro en formato de datos abiertos",
            ar="تنزيل السجل بصيغة البيانات المفتوحة",
        ),
        "summary": T(
            en="Researchers and journalists can download the list of partners and contributions in common formats, with a description of every field.",
            fr="Les chercheurs et les journalistes peuvent télécharger la liste des partenaires et des contributions dans des formats courants, accompagnée d'une description de chaque champ.",
            es="Investigadores y periodistas pueden descargar la lista de socios y contribuciones en formatos de uso común, junto con una descripción de cada campo.",
            ar="يمكن للباحثين والصحفيين تنزيل قائمة الشركاء والمساهمات بصيغ شائعة الاستخدام، مرفقةً بوصف لكل حقل.",
        ),
        "paragraphs": [
            T(
                en="The files contain only public information and are updated whenever the register changes.",
                fr="Ces fichiers ne contiennent que des informations publiques et sont mis à jour à chaque modification du registre.",
                es="Los archivos solo contienen información pública y se actualizan cada vez que se modifica el registro.",
                ar="لا تتضمن هذه الملفات سوى معلومات عامة، ويجري تحديثها كلما طرأ تغيير على السجل.",
            ),
        ],
        "areas": [],
        "partners": [],
    },
    {
        "slug": "how-to-become-a-partner",
        "date": datetime.date(2025, 9, 30),
        "title": T(
            en="How to become a partner: a short guide",
            fr="Comment devenir partenaire : guide succinct",
            es="Cómo convertirse en socio: breve guía",
            ar="",
        ),
        "summary": T(
            en="Organisations interested in supporting law enforcement can now send an expression of interest directly from this portal.",
            # Left untranslated in Arabic on purpose: Arabic readers see the English text, marked as such.
            fr="Les organisations souhaitant apporter leur soutien aux services chargés de l'application de la loi peuvent désormais adresser une manifestation d'intérêt directement depuis ce portail.",
            es="Las organizaciones interesadas en apoyar a las fuerzas del orden ya pueden enviar una manifestación de interés directamente desde este portal.",
            ar="",
        ),
        "paragraphs": [
            T(
                en="The form asks about your organisation and your proposal. Every proposal is read, and those that go ahead are checked against the three due-diligence criteria.",
                fr="Le formulaire comporte des questions sur votre organisation et votre proposition. Chaque proposition est examinée, et celles qui sont retenues sont évaluées au regard des trois critères de diligence raisonnable.",
                es="El formulario solicita información sobre su organización y su propuesta. Todas las propuestas se leen, y las que siguen adelante se evalúan con arreglo a los tres criterios de diligencia debida.",
                ar="",
            ),
        ],
        "areas": [],
        "partners": [],
        "untranslated": ["ar"],
    },
]
