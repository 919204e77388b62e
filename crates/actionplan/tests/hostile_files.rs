//! Files built to hurt the server, through the import's upload on both databases: each gets a
//! clear answer and the server goes on answering.

use crate::common::action_of;
use testkit::{both, Backend, TestApp};

/// Two cells, A1 and XFD1048576: a 2 kB workbook whose bounding box is 17 billion cells.
pub fn far_corners_xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Område").unwrap();
    sheet.write_string(1_048_575, 16_383, "långt bort").unwrap();
    book.save_to_buffer().unwrap()
}

async fn a_workbook_with_far_apart_cells_is_refused_and_the_server_answers(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let coord = app.coordinator("sala").await;
    let bytes = far_corners_xlsx();
    assert!(bytes.len() < 10_000, "{} bytes", bytes.len());
    let page = coord.get("/sala/handlingsplan/import").await;
    let action = action_of(&page.body, "import-file").unwrap();
    let refused = coord.post_file(&action, "file", "plan.xlsx", bytes).await;
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(
        refused.text().contains("Kalkylbladet är för stort"),
        "{}",
        refused.text()
    );
    let again = coord.get("/sala/handlingsplan/import").await;
    assert_eq!(again.status, 200);
    app.stop().await;
}

both!(a_workbook_with_far_apart_cells_is_refused_and_the_server_answers);
