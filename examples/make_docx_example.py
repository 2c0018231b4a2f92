"""Write ``examples/interviews/p03_interview.docx``, the example interview in Word format.

The interview is synthetic: written by the roqa_nlp team in the setting of the seed study
(a registered manager of a fictional community mental health provider in England, interviewed
over Zoom with the study's six-question topic guide). Each turn becomes one paragraph whose
first run is the speaker label in bold (``Interviewer:`` or ``P03:``), the way transcribers
usually lay out a Word transcript, so the .docx reader is exercised on real-looking formatting.

The file is byte-for-byte reproducible (fixed document properties and zip timestamps), so
re-running the script does not create a spurious change in git::

    .venv/bin/python examples/make_docx_example.py
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document

from roqa_nlp.io import atomic_write_bytes

OUT = Path(__file__).resolve().parent / "interviews" / "p03_interview.docx"
WRITTEN_ON = dt.datetime(2020, 8, 14, 10, 0, 0)

#: One turn per paragraph, ``Speaker: text``, paragraphs separated by a blank line.
TRANSCRIPT = """
Interviewer: Good morning. Can you hear me all right?

P03: Morning. Yes, loud and clear. Can you hear me? I've got a new headset and I'm not convinced it works.

Interviewer: Yes, it's perfect. Thank you for fitting this in, I know it's a busy time.

P03: It's always a busy time, so today's as good as any. Sorry, give me one second, I just need to close the door, my colleague is on the phone next to me. Right, that's better.

Interviewer: No problem. Before we start, are you happy for me to record the interview?

P03: Yes, that's fine.

Interviewer: And you've read the information sheet and signed the consent form?

P03: I have. I sent it back on Friday. I had one question, actually, about how long you keep the recordings.

Interviewer: The recording is deleted as soon as I've transcribed it and checked the transcript, and the transcript itself is anonymised and kept on the university's secure drive.

P03: Perfect, that's all I wanted to know.

Interviewer: Great. I've started recording now. So, to begin with, could you tell me a little about your professional background?

P03: I'm a social worker by training. I qualified in 1995, so I've been going a while. I did about ten years in local authority community mental health teams, as an approved social worker and then as an AMHP, and then I moved into the voluntary sector. I've been with this organisation for twelve years, the last seven as registered manager. I'm registered with Social Work England.

Interviewer: Mm-hmm.

P03: Before any of that I was going to be a geography teacher. I did the first year of a PGCE and realised I couldn't stand in front of thirty fourteen-year-olds without shaking, so I went and did a summer job in a day centre, and that was that. I've never looked back, although my mother still asks when I'm going to get a proper job.

Interviewer: And the organisation, how big is it?

P03: We're one of the larger ones. Nationally there are about nine hundred staff, and here in London I manage a service with around a hundred and twenty staff across supported housing, a floating support service and a small crisis house. We support roughly two hundred people at any one time.

Interviewer: Are you working from the office at the moment?

P03: Two days a week. The rest of the time I'm at the dining table, which my cat has decided is her office too. She's asleep on the printer as we speak. The commute's the thing I don't miss, an hour on the Northern line each way, standing up, with someone's rucksack in my face. I've read more books since March than in the whole of last year.

Interviewer: Thank you. So, to the main questions. What does recovery-orientated practice mean to you?

P03: I think of it as helping someone build a life that they want to live, with or without their symptoms. The question I always come back to is, whose goals are these? If the goals in the support plan are really the goals of the psychiatrist or the housing officer or the support worker, then it isn't recovery, however nicely it's written. When the goals are the person's own, even if they're small and a bit unusual, that's when you see people start to move.

Interviewer: Yeah.

P03: It's also about citizenship for me. People with a diagnosis have the same rights as anyone else to a job, a home, relationships, a place in their community. A lot of recovery work is about opening those doors.

Interviewer: And what does it mean to your organisation?

P03: It's written into everything. Our strategy, our values, our job descriptions. When we recruit, we ask people at interview to talk about a time they supported someone to do something for themselves. Our chief executive talks about recovery in every all-staff briefing, and the board gets a recovery outcomes report every quarter alongside the finance report, which tells you it's taken seriously. When I've needed something, say money for a peer support post, the senior team have found it.

Interviewer: Mm-hmm. How is it part of your day-to-day work?

P03: Day to day, honestly, it's in the small conversations. A support worker asking someone what they'd like to do today instead of telling them what's on the rota. A team leader asking in a review, what did Mr So-and-so think about that? And it's in how long things take. Supporting someone to do their own shopping, to fill in their own benefits form, to phone their own GP, takes three or four times as long as just doing it for them. It's much more labour-intensive. The staff have to hold back, which is actually a real skill.

Interviewer: Yeah.

P03: We've also got peer support workers now, people with their own lived experience of mental illness, and they've changed the feel of the service. When a peer worker says, I was where you are five years ago, that lands in a way nothing I say ever could.

Interviewer: What stage would you say the organisation is at with implementing it?

P03: I'd say we're past the starting line and into the long middle bit. We rolled out a recovery programme across all our London services about three years ago, with training for every member of staff and a recovery champion in every team. Now we're at the stage of looking at what's actually changed. We've started collecting people's own ratings of their progress and we're comparing services, which is uncomfortable for some managers, myself included, because the numbers don't always say what you hoped.

Interviewer: Mm-hmm. What challenges have you encountered?

P03: The first is the commissioning side. Our local authority is quite good, to be fair. When we've gone to them with evidence that someone needs more support for a period, say to move from the crisis house into their own flat, they've usually agreed to increase the package for a few months. But the neighbouring borough is much stricter. They have a ceiling on hours, and once you hit it, that's it, regardless of what the person needs. So the same person would get a very different service depending on which side of the road they live on.

Interviewer: Yeah.

P03: The second challenge is poverty. So many of the people we support are living on very little money, and since the benefit changes it's got worse. People have sanctions, they're waiting weeks for Universal Credit, they're using food banks. It's very hard to talk to someone about their hopes and aspirations when they're worried about the electricity meter running out tonight. A lot of our recovery work ends up being welfare rights work first.

Interviewer: Mm-hmm.

P03: And the third is the gap between us and the NHS teams. The community mental health team is stretched, care coordinators change, and sometimes we don't find out someone's medication has been changed until they're unwell. When the relationship works, with a named care coordinator who picks up the phone, it's brilliant, we can do joint reviews and plan together. When it doesn't, we're working blind.

Interviewer: Mm-hmm. And how about families, do they come into it?

P03: All the time. Families can make or break a plan. I think of one young woman who wanted to move into her own flat, and her father was dead against it. He'd seen her very unwell, he'd found her after an overdose, so you can understand it. But he was ringing the staff every day telling them to stop her going to viewings. It took a lot of meetings, with her there, to get to a point where he could say, all right, I don't like it, but it's her life. Now he helps her with the shopping every Saturday and he's her biggest fan.

Interviewer: Yeah.

P03: What we've learnt is to ask early who matters in the person's life and whether they want them involved, and then to bring them in before the plan is written, not after. It takes longer at the start, but it saves a lot of heartache later.

Interviewer: That's really helpful. You mentioned the pandemic in your email, has it affected your work?

P03: It has, but actually the thing I wanted to mention is faith. One thing that struck me this year is how important faith communities are for a lot of the people we support, and how little our frameworks and care plans say about it. We have a lot of people from Caribbean and West African backgrounds for whom the church is their main community. When the churches closed in lockdown, that was their social life, their support network and their sense of meaning gone in one go. And for some families, mental illness is understood partly in spiritual terms, so the pastor or the imam has as much influence as the psychiatrist. We've started working with a couple of local churches and a mosque, inviting the faith leaders to reviews when the person wants that, and it's been really positive, but nobody trained us for it and there's no box for it in any of the paperwork.

Interviewer: Mm-hmm. That's interesting.

P03: One lady we support, her pastor now phones her every Sunday, and she says that call does more for her than anything we do. I believe her.

Interviewer: And what has helped you implement recovery-orientated practice?

P03: Leadership, first. Having a chief executive and a board who believe in it makes everything else easier. I've worked in places where the manager is the only person pushing, and it's exhausting. Here, I'm pushing in the same direction as everyone above me.

Interviewer: Yeah.

P03: Then the champions. Every team has a recovery champion, usually a senior support worker, and they meet once a month across the organisation to share what's working. They're the ones who keep it alive on the shop floor. When a new worker slips back into doing everything for people, it's usually the champion who notices first and has a quiet word.

Interviewer: Mm-hmm.

P03: And the training. Every new starter does a two-day recovery course in their first month, co-delivered by one of our peer workers, and then there's a refresher every year. We also have an online library of short videos and case studies, so if a worker's stuck with someone, they can look up how other teams have handled something similar. And supervision, of course, where we use a reflective model. I'm lucky, the training budget here is protected. I know smaller providers can't do half of this.

Interviewer: Thank you. Is there anything else you'd like to add?

P03: Only that staff turnover is still the thing that keeps me awake at night. We invest all this in people and then a third of them are gone within a year, mostly for better pay. If the sector could pay support workers what they're worth, half of the other problems would get easier.

Interviewer: That's a really good point to end on. Thank you so much. That's all my questions.

P03: Thank you. It's been good to think about it, actually, you don't often get the chance. Are you going anywhere nice this summer, or is that a silly question this year?

Interviewer: Probably just the garden, to be honest.

P03: Same. We were meant to be in Portugal. Instead I've been repainting the fence and watching the cricket. My wife says the fence has never looked better, so there's that.

Interviewer: Ha. Well, enjoy the fence. I'll stop the recording there and I'll be in touch with the summary.

P03: Lovely. Take care, bye now.
"""


def parse_turns(transcript: str = TRANSCRIPT) -> list[tuple[str, str]]:
    """``(speaker, text)`` for each paragraph of the transcript."""
    out = []
    for paragraph in transcript.strip().split("\n\n"):
        speaker, _, text = paragraph.partition(": ")
        out.append((speaker, " ".join(text.split())))
    return out


def build_docx(turns: list[tuple[str, str]]) -> bytes:
    """The .docx bytes: one paragraph per turn, the speaker label as a bold first run."""
    doc = Document()
    props = doc.core_properties
    props.author = props.last_modified_by = "roqa_nlp team"
    props.title = "Interview P03 (synthetic example)"
    props.created = props.modified = WRITTEN_ON
    props.revision = 1
    for speaker, text in turns:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{speaker}:").bold = True
        paragraph.add_run(f" {text}")
    buffer = io.BytesIO()
    doc.save(buffer)
    return _with_fixed_timestamps(buffer.getvalue())


def _with_fixed_timestamps(docx: bytes) -> bytes:
    """The same zip with every member dated ``WRITTEN_ON``, so the file is reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=WRITTEN_ON.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


def main() -> None:
    atomic_write_bytes(OUT, build_docx(parse_turns()))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
