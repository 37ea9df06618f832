//! 5.3's verdict: every request was answered before the function returned;
//! never more than the cap in flight; and the run took at most twice the
//! time of `requests / cap` requests (the cap was used, not just obeyed).

use crate::facts::{Facts, Verdict, fail};

pub(crate) const MEASURES: &str =
    "the most requests in flight at once, the answers, and the run's time";

pub(crate) const HINTS: &[&str] = &[
    "Take a permit before each request and hold it until the request is answered: `let _ = semaphore.acquire().await` drops it at once. Bind it to a name and move it into the request's task (`acquire_owned` on an `Arc<Semaphore>`).",
    "`Semaphore::new(cap)`: exactly as many permits as requests may be in flight.",
    "Start a request as soon as a permit is free, in a task of its own: awaiting each before sending the next leaves the other permits unused.",
    "Wait for every task before returning (`join_next` until it gives `None`): a request still in flight has not been answered.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let (requests, answered) = (facts.get::<u64>("requests")?, facts.get::<u64>("answered")?);
    if answered < requests {
        return Err(fail(
            3,
            format!("your function returned when {answered} of {requests} requests were answered"),
        ));
    }
    let (most, cap) = (facts.get::<u64>("most")?, facts.get::<u64>("cap")?);
    let flight = format!("{requests} requests, at most {most} in flight, against a cap of {cap}");
    if most == requests {
        let why = "all at once, nothing held them back";
        return Err(fail(0, format!("{flight}: {why}")));
    }
    if most > cap {
        let why = format!("{} too many, more permits than the cap", most - cap);
        return Err(fail(1, format!("{flight}: {why}")));
    }
    let (took, ideal, each) =
        (facts.get::<u64>("ms")?, facts.get::<u64>("ideal_ms")?, facts.get::<u64>("request_ms")?);
    let time = format!(
        "the run took {took} ms, against {ideal} ms with {cap} always in \
         flight ({each} ms a request)"
    );
    if took > ideal * 2 {
        let why = "the cap was not used, the requests waited for each other";
        return Err(fail(2, format!("{flight}; {time}: {why}")));
    }
    Ok(format!("{flight}; {time}"))
}
