//! Attendance files built to hurt the server, on both databases: a clear answer, nothing
//! stored, and the server goes on answering.

use crate::attendance::{count, page_of, upload};
use testkit::{both, Backend, TestApp};

async fn a_workbook_with_far_apart_cells_is_refused_and_the_server_answers(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let (rep, org) = app
        .representative_client("anna@iksala.example", "sala", "IK Sala")
        .await;
    // Two cells, A1 and XFD1048576: a 2 kB workbook whose bounding box is 17 billion cells.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Grupp").unwrap();
    sheet.write_string(1_048_575, 16_383, "långt bort").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let (status, page) = upload(&rep, org, "narvaro.xlsx", bytes).await;
    assert_eq!(status, 422, "{}", page.text());
    assert!(page.text().contains("Kalkylbladet är för stort"), "{}", page.text());
    assert_eq!(count(&app, "grants_attendance_meetings").await, 0);
    assert_eq!(rep.get(&page_of(org)).await.status, 200);
    app.stop().await;
}

both!(a_workbook_with_far_apart_cells_is_refused_and_the_server_answers);
